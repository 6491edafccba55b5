package dev.mcpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonschema.JsonSchemaValidator;
import dev.mcpkit.core.jsonschema.RecordSchema;
import dev.mcpkit.core.jsonschema.ValidationResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validating tool arguments, as every tools/call does before the handler runs: the one-field echo
 * schema, a record-derived schema with nested objects, a failing value, and a compile that hits the
 * cache (what registering the same tool again costs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class SchemaValidationBenchmark {
  /** A typical typed tool's arguments. */
  public record Address(String street, String city, String country) {}

  public record Order(String customer, int quantity, double price, List<String> tags,
      Address shipTo, boolean express) {}

  private final ObjectNode echoSchema;
  private final JsonSchemaValidator echo;
  private final JsonNode echoArgs;
  private final JsonNode echoBad;
  private final JsonSchemaValidator order;
  private final JsonNode orderArgs;

  public SchemaValidationBenchmark() {
    echoSchema = McpJson.object();
    echoSchema.put("type", "object");
    echoSchema.putObject("properties").putObject("message").put("type", "string");
    echoSchema.putArray("required").add("message");
    echo = JsonSchemaValidator.compile(echoSchema);
    ObjectNode args = McpJson.object();
    args.put("message", "hello, world");
    echoArgs = args;
    ObjectNode bad = McpJson.object();
    bad.put("message", 42);
    echoBad = bad;
    order = RecordSchema.of(Order.class).validator();
    orderArgs = McpJson.toTree(new Order("ACME", 3, 9.99, List.of("a", "b"),
        new Address("1 Main St", "Springfield", "US"), true));
    if (!echo.validate(echoArgs).isValid() || echo.validate(echoBad).isValid()
        || !order.validate(orderArgs).isValid()) {
      throw new IllegalStateException("setup");
    }
  }

  @Benchmark
  public ValidationResult echoArguments() {
    return echo.validate(echoArgs);
  }

  @Benchmark
  public ValidationResult echoArgumentsInvalid() {
    return echo.validate(echoBad);
  }

  @Benchmark
  public ValidationResult recordArguments() {
    return order.validate(orderArgs);
  }

  @Benchmark
  public JsonSchemaValidator compileCached() {
    return JsonSchemaValidator.compile(echoSchema);
  }
}
