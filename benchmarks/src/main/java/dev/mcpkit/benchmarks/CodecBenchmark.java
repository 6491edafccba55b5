package dev.mcpkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.schema.Tools;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The wire cost of one {@code tools/call}: the request written by a client and read by a server,
 * and the result written by the server and read by the client.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class CodecBenchmark {
  private final JsonRpcCodec codec = JsonRpcCodec.instance();
  private final JsonRpcRequest request;
  private final JsonRpcResponse result;
  private final byte[] requestBytes;
  private final byte[] resultBytes;
  private final ObjectMapper plainJackson = new ObjectMapper();
  private final com.fasterxml.jackson.databind.ObjectReader mcpTreeReader =
      McpJson.mapper().readerFor(JsonNode.class);
  private final JsonNode requestTree;
  private final JsonNode resultTree;

  public CodecBenchmark() {
    ObjectNode args = McpJson.object();
    args.put("message", "hello, world");
    ObjectNode params = McpJson.object();
    params.put("name", "echo");
    params.set("arguments", args);
    request = new JsonRpcRequest(RequestId.of(42), "tools/call", params);
    ObjectNode text = McpJson.object();
    text.put("type", "text");
    text.put("text", "hello, world");
    ObjectNode r = McpJson.object();
    r.putArray("content").add(text);
    r.put("isError", false);
    result = JsonRpcResponse.result(RequestId.of(42), r);
    requestBytes = codec.encode(request);
    resultBytes = codec.encode(result);
    if (!new String(requestBytes, StandardCharsets.UTF_8).contains("tools/call")) {
      throw new IllegalStateException("setup");
    }
    try {
      requestTree = plainJackson.readTree(requestBytes);
      resultTree = plainJackson.readTree(resultBytes);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Encode and decode of both the request and the result: one full round trip on the wire. */
  @Benchmark
  public void toolsCallRoundTrip(Blackhole bh) {
    byte[] req = codec.encode(request);
    JsonRpcMessage decodedRequest = codec.decode(req);
    byte[] res = codec.encode(result);
    JsonRpcMessage decodedResult = codec.decode(res);
    bh.consume(decodedRequest);
    bh.consume(decodedResult);
  }

  /**
   * The same round trip with the typed records a server and client actually use: the server reads
   * {@code CallToolParams} and writes a {@code CallToolResult}, the client reads it back.
   */
  @Benchmark
  public void typedToolsCallRoundTrip(Blackhole bh) {
    JsonRpcRequest decodedRequest = (JsonRpcRequest) codec.decode(codec.encode(request));
    Tools.CallToolParams params = McpJson.fromTree(decodedRequest.params(), Tools.CallToolParams.class);
    Tools.CallToolResult answer = Tools.CallToolResult.text(params.arguments().get("message").asText());
    byte[] res = codec.encode(JsonRpcResponse.result(decodedRequest.id(), McpJson.toTree(answer)));
    JsonRpcResponse.Result decoded = (JsonRpcResponse.Result) codec.decode(res);
    bh.consume(McpJson.fromTree(decoded.result(), Tools.CallToolResult.class));
  }

  @Benchmark
  public JsonRpcMessage decodeRequest() {
    return codec.decode(requestBytes);
  }

  @Benchmark
  public byte[] encodeResult() {
    return codec.encode(result);
  }

  /**
   * The request read as the codec read it before it streamed the top-level members itself (to keep
   * a fractional id's exact text and to count batch elements): the shared tree reader, then
   * {@code fromTree}. Compare with {@link #decodeRequest}.
   */
  @Benchmark
  public JsonRpcMessage decodeRequestThroughAWholeTree() throws Exception {
    return codec.fromTree(mcpTreeReader.readTree(requestBytes));
  }

  /** Jackson alone reading the request's bytes into a tree: the floor for {@link #decodeRequest}. */
  @Benchmark
  public JsonNode jacksonDecodeRequestBaseline() throws Exception {
    return plainJackson.readTree(requestBytes);
  }

  /** Jackson alone writing the result's tree to bytes: the floor for {@link #encodeResult}. */
  @Benchmark
  public byte[] jacksonEncodeResultBaseline() throws Exception {
    return plainJackson.writeValueAsBytes(resultTree);
  }

  /**
   * The floor the codec is compared against: a plain {@code ObjectMapper} writing the same two
   * messages (as whole JSON trees) to bytes and reading them back, with no JSON-RPC checks.
   */
  @Benchmark
  public void jacksonTreeRoundTripBaseline(Blackhole bh) throws Exception {
    bh.consume(plainJackson.readTree(plainJackson.writeValueAsBytes(requestTree)));
    bh.consume(plainJackson.readTree(plainJackson.writeValueAsBytes(resultTree)));
  }
}
