package dev.mcpkit.core.jsonschema;

import static dev.mcpkit.core.jsonschema.Json.json;
import static dev.mcpkit.core.jsonschema.Json.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonschema.TypedRecords.AllOptional;
import dev.mcpkit.core.jsonschema.TypedRecords.Anything;
import dev.mcpkit.core.jsonschema.TypedRecords.Bounded;
import dev.mcpkit.core.jsonschema.TypedRecords.Empty;
import dev.mcpkit.core.jsonschema.TypedRecords.EveryType;
import dev.mcpkit.core.jsonschema.TypedRecords.Forecast;
import dev.mcpkit.core.jsonschema.TypedRecords.Generic;
import dev.mcpkit.core.jsonschema.TypedRecords.Holder;
import dev.mcpkit.core.jsonschema.TypedRecords.IntKeys;
import dev.mcpkit.core.jsonschema.TypedRecords.Legacy;
import dev.mcpkit.core.jsonschema.TypedRecords.Node;
import dev.mcpkit.core.jsonschema.TypedRecords.OptionalInList;
import dev.mcpkit.core.jsonschema.TypedRecords.Raw;
import org.junit.jupiter.api.Test;

/** The JSON Schema a record's shape turns into. */
class RecordSchemaDerivationTest {
  @Test
  void everySupportedComponentTypeMapsToItsSchema() {
    assertThat(RecordSchema.of(EveryType.class).schema())
        .isEqualTo(resource("every-type.schema.json"));
  }

  @Test
  void descriptionsComeFromTheRecordAndItsComponents() {
    assertThat(RecordSchema.of(Forecast.class).schema()).isEqualTo(json("{'type':'object',"
        + "'description':'Weather forecast request','properties':{"
        + "'city':{'type':'string','description':'City name'},"
        + "'days':{'type':'integer','minimum':-2147483648,'maximum':2147483647,"
        + "'description':'Days ahead, 1 to 14'},"
        + "'units':{'type':['string','null'],'description':'Unit system',"
        + "'enum':['METRIC','imperial',null]}},"
        + "'required':['city','days'],'additionalProperties':false}"));
  }

  @Test
  void aRecordWithoutComponentsIsAnEmptyClosedObject() {
    assertThat(RecordSchema.of(Empty.class).schema()).isEqualTo(json("{'type':'object',"
        + "'properties':{},'additionalProperties':false}"));
  }

  @Test
  void optionalAndNullableComponentsAreNotRequired() {
    ObjectNode schema = RecordSchema.of(AllOptional.class).schema();

    assertThat(schema.has("required")).isFalse();
    assertThat(schema.at("/properties/b/type")).isEqualTo(json("['integer','null']"));
  }

  @Test
  void aWildcardElementTypeUsesItsBound() {
    assertThat(RecordSchema.of(Bounded.class).schema().at("/properties/places/items/type")
        .asText()).isEqualTo("object");
  }

  @Test
  void everyDerivedSchemaIsAValidToolSchema() {
    for (Class<? extends Record> type : java.util.List.of(EveryType.class, Forecast.class,
        Empty.class, AllOptional.class, Bounded.class)) {
      assertThat(ToolSchemas.check(RecordSchema.of(type).schema()).problems())
          .as(type.getSimpleName()).isEmpty();
    }
  }

  @Test
  void theSchemaIsDerivedOnceAndHandedOutAsACopy() {
    RecordSchema<Forecast> forecast = RecordSchema.of(Forecast.class);
    forecast.schema().put("type", "array");

    assertThat(RecordSchema.of(Forecast.class)).isSameAs(forecast);
    assertThat(forecast.schema().get("type").asText()).isEqualTo("object");
  }

  @Test
  void anUnsupportedTypeNamesTheRecordTheComponentAndWhatIsSupported() {
    assertThatThrownBy(() -> RecordSchema.of(Legacy.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot derive a JSON Schema for record "
            + Legacy.class.getName() + ": component Legacy.when (at $.when) has type"
            + " java.util.Date, which is not supported; supported are String,")
        .hasMessageContaining("java.time");
  }

  @Test
  void aRecordThatContainsItselfIsRejectedWithTheCycle() {
    assertThatThrownBy(() -> RecordSchema.of(Node.class))
        .hasMessageContaining("component Node.next (at $.next) refers back to Node"
            + " (Node -> Node)")
        .hasMessageContaining("use JsonNode for recursive data");
    assertThatThrownBy(() -> RecordSchema.of(Holder.class))
        .hasMessageContaining("component Wrapper.holder (at $.wrappers.holder) refers back to"
            + " Holder (Holder -> Wrapper -> Holder)");
  }

  @Test
  void collectionsAndMapsNeedTypeArgumentsAndStringKeys() {
    assertThatThrownBy(() -> RecordSchema.of(Raw.class))
        .hasMessageContaining("Raw.items")
        .hasMessageContaining("declare its type arguments");
    assertThatThrownBy(() -> RecordSchema.of(IntKeys.class))
        .hasMessageContaining("IntKeys.byId")
        .hasMessageContaining("map keys must be String");
  }

  @Test
  void objectAndTypeVariablesAreRejectedWithAnAlternative() {
    assertThatThrownBy(() -> RecordSchema.of(Anything.class))
        .hasMessageContaining("use JsonNode for arbitrary JSON");
    assertThatThrownBy(() -> RecordSchema.of(Generic.class))
        .hasMessageContaining("has type T")
        .hasMessageContaining("use a concrete type");
  }

  @Test
  void optionalIsOnlySupportedAsAComponentType() {
    assertThatThrownBy(() -> RecordSchema.of(OptionalInList.class))
        .hasMessageContaining("Optional is supported only as the type of a record component");
  }
}
