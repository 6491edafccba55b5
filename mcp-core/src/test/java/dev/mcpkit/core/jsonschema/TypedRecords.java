package dev.mcpkit.core.jsonschema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Records used as typed tool inputs and outputs in the tests. */
final class TypedRecords {
  private TypedRecords() {}

  @Description("Unit system")
  enum Units { METRIC, @JsonProperty("imperial") IMPERIAL }

  @Description("A place on Earth")
  record Place(@Description("City name") String city, double lat, double lon) {}

  record EveryType(
      String text, char letter, boolean flag,
      byte tiny, short small, int count, long big, BigInteger huge,
      float ratio, double amount, BigDecimal price,
      Units units, List<String> tags, Set<Integer> ids, int[] scores, byte[] blob,
      Map<String, Double> weights,
      @Description("Where the trip starts") Place home, List<Place> stops,
      Instant at, OffsetDateTime offsetAt, ZonedDateTime zonedAt, LocalDate day,
      LocalDateTime localAt, LocalTime localTime, OffsetTime offsetTime, Duration timeout,
      UUID id, URI link, JsonNode anything, ObjectNode object, ArrayNode array,
      Optional<String> nickname, @Nullable String note, @TypeUse.Nullable Units mode,
      @JsonProperty("renamed_field") String renamed) {}

  @Description("Weather forecast request")
  record Forecast(
      @Description("City name") String city,
      @Description("Days ahead, 1 to 14") int days,
      Optional<Units> units) {
    Forecast {
      if (days < 1 || days > 14) {
        throw new IllegalArgumentException("days must be between 1 and 14, got " + days);
      }
    }
  }

  record Node(String name, Node next) {}

  record Holder(List<Wrapper> wrappers) {}

  record Wrapper(Holder holder) {}

  record Legacy(java.util.Date when) {}

  @SuppressWarnings("rawtypes")
  record Raw(List items) {}

  record IntKeys(Map<Integer, String> byId) {}

  record Anything(Object value) {}

  record Generic<T>(T value) {}

  record OptionalInList(List<Optional<String>> values) {}

  record Bounded(List<? extends Place> places) {}

  record Empty() {}

  record AllOptional(Optional<String> a, @Nullable Integer b) {}

  record Timing(Duration timeout, LocalDateTime at) {}

  record Wide(long big) {}
}
