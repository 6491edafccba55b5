package dev.mcpkit.core.jsonschema;

import static dev.mcpkit.core.jsonschema.Json.json;
import static dev.mcpkit.core.jsonschema.Json.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonschema.TypedRecords.AllOptional;
import dev.mcpkit.core.jsonschema.TypedRecords.EveryType;
import dev.mcpkit.core.jsonschema.TypedRecords.Forecast;
import dev.mcpkit.core.jsonschema.TypedRecords.Place;
import dev.mcpkit.core.jsonschema.TypedRecords.Timing;
import dev.mcpkit.core.jsonschema.TypedRecords.Units;
import dev.mcpkit.core.jsonschema.TypedRecords.Wide;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading validated arguments into records, and writing records back as JSON. */
class RecordSchemaReadTest {
  private static final RecordSchema<Forecast> FORECAST = RecordSchema.of(Forecast.class);

  @Test
  void readsEverySupportedTypeFromJson() {
    EveryType value = RecordSchema.of(EveryType.class)
        .read(resource("every-type.arguments.json"));

    assertThat(value.text()).isEqualTo("hello");
    assertThat(value.letter()).isEqualTo('x');
    assertThat(value.big()).isEqualTo(9007199254740993L);
    assertThat(value.huge()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(value.units()).isEqualTo(Units.IMPERIAL);
    assertThat(value.tags()).containsExactly("a", "b");
    assertThat(value.ids()).isEqualTo(Set.of(1, 2, 3));
    assertThat(value.scores()).containsExactly(10, 20);
    assertThat(value.blob()).containsExactly('h', 'i');
    assertThat(value.weights()).isEqualTo(Map.of("x", 1.5));
    assertThat(value.home()).isEqualTo(new Place("Oslo", 59.9, 10.7));
    assertThat(value.stops()).containsExactly(new Place("Bergen", 60.4, 5.3));
    assertThat(value.at()).isEqualTo(Instant.parse("2025-06-18T10:15:30Z"));
    assertThat(value.offsetAt()).isEqualTo(
        OffsetDateTime.of(2025, 6, 18, 10, 15, 30, 0, ZoneOffset.ofHours(2)));
    assertThat(value.localAt()).isEqualTo(LocalDateTime.of(2025, 6, 18, 10, 15));
    assertThat(value.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(value.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    assertThat(value.anything().isArray()).isTrue();
    assertThat(value.nickname()).contains("Bo");
    assertThat(value.note()).isNull();
    assertThat(value.mode()).isNull();
    assertThat(value.renamed()).isEqualTo("r");
  }

  @Test
  void whatARecordWritesIsValidAgainstItsOwnSchemaAndReadsBackEqual() {
    RecordSchema<EveryType> schema = RecordSchema.of(EveryType.class);
    EveryType value = schema.read(resource("every-type.arguments.json"));

    ObjectNode written = schema.write(value);

    assertThat(schema.validator().validate(written).problems()).isEmpty();
    assertThat(written.get("at").asText()).isEqualTo("2025-06-18T10:15:30Z");
    assertThat(written.get("localAt").asText()).isEqualTo("2025-06-18T10:15:00");
    assertThat(written.get("renamed_field").asText()).isEqualTo("r");
    assertThat(schema.write(schema.read(written))).isEqualTo(written);
  }

  @Test
  void absentOrNullOptionalComponentsReadAsEmptyOrNull() {
    assertThat(FORECAST.read(json("{'city':'Oslo','days':2}")).units()).isEmpty();
    assertThat(FORECAST.read(json("{'city':'Oslo','days':2,'units':null}")).units()).isEmpty();
    assertThat(FORECAST.read(json("{'city':'Oslo','days':2,'units':'METRIC'}")).units())
        .contains(Units.METRIC);
    assertThat(RecordSchema.of(AllOptional.class).read(json("{'b':null}")))
        .isEqualTo(new AllOptional(Optional.empty(), null));
  }

  @Test
  void absentArgumentsCountAsAnEmptyObject() {
    assertThat(RecordSchema.of(AllOptional.class).read(null))
        .isEqualTo(new AllOptional(Optional.empty(), null));
    assertThatThrownBy(() -> FORECAST.read(null))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage("invalid Forecast: $.city: is required; $.days: is required");
  }

  @Test
  void invalidArgumentsAreRejectedBeforeConversionNamingEachField() {
    assertThatThrownBy(() -> FORECAST.read(json("{'city':'Oslo','days':'x','unit':'METRIC'}")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage("invalid Forecast: $.days: must be an integer, got string \"x\"; $.unit: is"
            + " not allowed; allowed: city, days, units (did you mean \"units\"?)")
        .asInstanceOf(type(SchemaViolationException.class))
        .extracting(e -> e.result().problems().size()).isEqualTo(2);
  }

  @Test
  void anIntOutOfRangeIsCaughtByTheSchema() {
    assertThatThrownBy(() -> FORECAST.read(json("{'city':'Oslo','days':3000000000}")))
        .hasMessage("invalid Forecast: $.days: must be at most 2147483647, got integer"
            + " 3000000000");
  }

  @Test
  void aValueTheSchemaAcceptsButJavaCannotHoldIsAConversionProblemNamingTheField() {
    // "P1Y" is an ISO 8601 duration, but java.time.Duration has no years
    assertThatThrownBy(() -> RecordSchema.of(Timing.class)
        .read(json("{'timeout':'P1Y','at':'2025-06-18T10:15'}")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageStartingWith("invalid Timing: $.timeout: cannot be converted: ")
        .asInstanceOf(type(SchemaViolationException.class))
        .satisfies(e -> assertThat(e.result().problems()).singleElement()
            .satisfies(p -> assertThat(p.keyword()).isEqualTo("conversion"))
            .satisfies(p -> assertThat(p.pointer()).isEqualTo("/timeout")));
    assertThatThrownBy(() -> RecordSchema.of(Wide.class).read(json("{'big':1e30}")))
        .hasMessageContaining("$.big");
  }

  @Test
  void theRecordsOwnCheckBecomesTheProblemMessage() {
    assertThatThrownBy(() -> FORECAST.read(json("{'city':'Oslo','days':15}")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessage("invalid Forecast: $: days must be between 1 and 14, got 15");
  }

  @Test
  void writingOmitsNullComponentsAndWritesEmptyOptionalsAsNull() {
    assertThat(FORECAST.write(new Forecast("Oslo", 3, Optional.empty())))
        .isEqualTo(json("{'city':'Oslo','days':3,'units':null}"));
    assertThat(RecordSchema.of(AllOptional.class).write(new AllOptional(Optional.of("a"), null)))
        .isEqualTo(json("{'a':'a'}"));
  }

  @Test
  void readingListsOfNestedRecordsReportsTheIndexOfTheBadElement() {
    record Trip(List<Place> stops) {}

    assertThatThrownBy(() -> RecordSchema.of(Trip.class)
        .read(json("{'stops':[{'city':'Oslo','lat':1,'lon':2},{'city':'Bergen','lat':'n'}]}")))
        .hasMessage("invalid Trip: $.stops[1].lat: must be a number, got string \"n\";"
            + " $.stops[1].lon: is required");
  }
}
