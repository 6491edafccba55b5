package dev.mcpkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.transport.InMemoryTransport;
import dev.mcpkit.core.transport.McpTransports;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolEngineTest {
  private final List<ProtocolEngine> engines = new ArrayList<>();

  @AfterEach
  void closeAll() {
    engines.forEach(ProtocolEngine::close);
  }

  /** Two engines over an in-memory pair: [0] is the "client", [1] the "server". */
  private ProtocolEngine[] connected(MethodHandlers serverHandlers, MethodHandlers clientHandlers,
      McpEventListener serverListener, McpInterceptor... serverInterceptors) throws IOException {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    ProtocolEngine client = McpTransports.connect(pair[0], ProtocolEngine.builder().name("client")
        .handlers(clientHandlers));
    ProtocolEngine.Builder sb = ProtocolEngine.builder().name("server").handlers(serverHandlers)
        .listener(serverListener);
    for (McpInterceptor i : serverInterceptors) {
      sb.addInterceptor(i);
    }
    ProtocolEngine server = McpTransports.connect(pair[1], sb);
    engines.add(client);
    engines.add(server);
    return new ProtocolEngine[] {client, server};
  }

  private ProtocolEngine[] connected(MethodHandlers serverHandlers) throws IOException {
    return connected(serverHandlers, MethodHandlers.builder().build(), McpEventListener.NONE);
  }

  private static ObjectNode obj(String key, String value) {
    ObjectNode o = McpJson.object();
    o.put(key, value);
    return o;
  }

  @Test
  void aRequestIsAnsweredByItsHandler() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("echo", (ctx, params) -> obj("echoed", params.get("text").asText()))
        .build());
    JsonNode result = e[0].sendRequest("echo", obj("text", "hello"));
    assertThat(result.get("echoed").asText()).isEqualTo("hello");
    assertThat(e[0].pendingRequests()).isZero();
  }

  @Test
  void pingIsAnsweredWithAnEmptyResultOnBothSides() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder().build());
    assertThat(e[0].sendRequest("ping", null).isEmpty()).isTrue();
    assertThat(e[1].sendRequest("ping", null).isEmpty()).isTrue();
  }

  @Test
  void anUnknownMethodGetsMethodNotFoundNamingIt() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder().build());
    assertThatThrownBy(() -> e[0].sendRequest("nope/nothing", null))
        .isInstanceOfSatisfying(McpProtocolException.class, ex -> {
          assertThat(ex.code()).isEqualTo(ErrorCodes.METHOD_NOT_FOUND);
          assertThat(ex.error().message()).contains("nope/nothing");
        });
  }

  @Test
  void aProtocolExceptionFromAHandlerReachesTheCallerWithCodeMessageAndData() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("strict", (ctx, params) -> {
          throw new McpProtocolException(ErrorCodes.INVALID_PARAMS, "count must be positive",
              obj("field", "count"));
        }).build());
    assertThatThrownBy(() -> e[0].sendRequest("strict", null))
        .isInstanceOfSatisfying(McpProtocolException.class, ex -> {
          assertThat(ex.code()).isEqualTo(ErrorCodes.INVALID_PARAMS);
          assertThat(ex.error().message()).isEqualTo("count must be positive");
          assertThat(ex.error().data().get("field").asText()).isEqualTo("count");
        });
  }

  @Test
  void anyOtherHandlerExceptionIsAnInternalErrorThatRevealsNothing() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("boom", (ctx, params) -> {
          throw new IllegalStateException("database password is hunter2");
        }).build());
    assertThatThrownBy(() -> e[0].sendRequest("boom", null))
        .isInstanceOfSatisfying(McpProtocolException.class, ex -> {
          assertThat(ex.code()).isEqualTo(ErrorCodes.INTERNAL_ERROR);
          assertThat(ex.error().message()).doesNotContain("hunter2").contains("boom");
        });
    // and the connection keeps serving
    assertThat(e[0].sendRequest("ping", null)).isNotNull();
  }

  @Test
  void manyRequestsInFlightOnOneConnectionAreEachAnsweredCorrectly() throws Exception {
    int n = 64;
    CountDownLatch allArrived = new CountDownLatch(n);
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("slowEcho", (ctx, params) -> {
          allArrived.countDown();
          // every handler waits until all are in flight at once
          assertThat(allArrived.await(10, TimeUnit.SECONDS)).isTrue();
          return obj("n", params.get("n").asText());
        }).build());
    List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(e[0].sendRequestAsync("slowEcho", obj("n", "r" + i), RequestOptions.DEFAULT));
    }
    for (int i = 0; i < n; i++) {
      assertThat(futures.get(i).get(10, TimeUnit.SECONDS).get("n").asText()).isEqualTo("r" + i);
    }
    assertThat(e[0].pendingRequests()).isZero();
  }

  @Test
  void aTimedOutRequestIsCancelledAtThePeerAndFreed() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<String> peerSawCancel = new CompletableFuture<>();
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("hang", (ctx, params) -> {
          ctx.onCancel(() -> peerSawCancel.complete(ctx.cancelReason()));
          started.countDown();
          Thread.sleep(60_000); // interrupted by the cancellation
          return null;
        }).build());
    assertThatThrownBy(() -> e[0].sendRequest("hang", null, RequestOptions.timeout(Duration.ofMillis(200))))
        .isInstanceOf(McpTimeoutException.class)
        .hasMessageContaining("hang timed out after 200 ms");
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(peerSawCancel.get(5, TimeUnit.SECONDS)).isEqualTo("timed out");
    assertThat(e[0].pendingRequests()).isZero();
    awaitZero(() -> e[1].requestsInFlight());
  }

  private static void awaitZero(java.util.function.IntSupplier count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (count.getAsInt() != 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      Thread.yield();
    }
    assertThat(count.getAsInt()).isZero();
  }

  @Test
  void cancellingTheFutureInterruptsThePeerHandlerAndNoAnswerIsSent() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    List<String> cancelledEvents = new CopyOnWriteArrayList<>();
    McpEventListener listener = new McpEventListener() {
      @Override
      public void requestCancelled(RequestInfo request, String reason) {
        cancelledEvents.add(request.method() + ": " + reason);
      }
    };
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("work", (ctx, params) -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
            interrupted.complete(false);
          } catch (InterruptedException ie) {
            interrupted.complete(true);
            throw ie;
          }
          return null;
        }).build(), MethodHandlers.builder().build(), listener);
    CompletableFuture<JsonNode> f = e[0].sendRequestAsync("work", null, RequestOptions.DEFAULT);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    f.cancel(true);
    assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
    awaitZero(() -> e[1].requestsInFlight());
    assertThat(cancelledEvents).containsExactly("work: cancelled by the caller");
    assertThat(e[0].pendingRequests()).isZero();
  }

  @Test
  void interruptingACallerBlockedInSendRequestCancelsTheRequestAtThePeer() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Boolean> peerInterrupted = new CompletableFuture<>();
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("work", (ctx, params) -> {
          started.countDown();
          try {
            Thread.sleep(60_000);
            peerInterrupted.complete(false);
          } catch (InterruptedException ie) {
            peerInterrupted.complete(true);
            throw ie;
          }
          return null;
        }).build());
    CompletableFuture<Throwable> callerSaw = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        e[0].sendRequest("work", null);
        callerSaw.complete(null);
      } catch (Throwable t) {
        callerSaw.complete(t);
      }
    });
    caller.start();
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    caller.interrupt();

    assertThat(callerSaw.get(5, TimeUnit.SECONDS))
        .isInstanceOf(java.io.InterruptedIOException.class);
    assertThat(peerInterrupted.get(5, TimeUnit.SECONDS)).isTrue();
    awaitZero(() -> e[1].requestsInFlight());
    assertThat(e[0].pendingRequests()).isZero();
  }

  @Test
  void progressReachesTheCallerAndCanKeepALongRequestAlive() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("long", (ctx, params) -> {
          for (int i = 1; i <= 5; i++) {
            // 500 ms in all, much longer than the 300 ms timeout; each step leaves 200 ms of
            // slack for a loaded machine
            Thread.sleep(100);
            ctx.sendProgress(i, 5.0, "step " + i);
          }
          Thread.sleep(100);
          return obj("done", "yes");
        }).build());
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    JsonNode result = e[0].sendRequest("long", null, RequestOptions.timeout(Duration.ofMillis(300))
        .withProgress((p, total, msg) -> seen.add(p + "/" + total + " " + msg), true));
    assertThat(result.get("done").asText()).isEqualTo("yes");
    assertThat(seen).containsExactly("1.0/5.0 step 1", "2.0/5.0 step 2", "3.0/5.0 step 3",
        "4.0/5.0 step 4", "5.0/5.0 step 5");
  }

  @Test
  void maxTotalTimeoutEndsARequestEvenWhileProgressKeepsComing() throws Exception {
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("endless", (ctx, params) -> {
          while (true) {
            Thread.sleep(20);
            ctx.sendProgress(1, null, null);
          }
        }).build());
    assertThatThrownBy(() -> e[0].sendRequest("endless", null, RequestOptions.timeout(Duration.ofMillis(100))
        .withProgress((p, t, m) -> { }, true).withMaxTotalTimeout(Duration.ofMillis(400))))
        .isInstanceOf(McpTimeoutException.class);
  }

  @Test
  void aHandlerCanAskThePeerSomethingWhileAnswering() throws Exception {
    ProtocolEngine[] e = connected(
        MethodHandlers.builder().onRequest("tools/call", (ctx, params) -> {
          JsonNode answer = ctx.sendRequest("sampling/createMessage", obj("q", "2+2?"),
              Duration.ofSeconds(5));
          return obj("model said", answer.get("a").asText());
        }).build(),
        MethodHandlers.builder().onRequest("sampling/createMessage",
            (ctx, params) -> obj("a", "4 (asked: " + params.get("q").asText() + ")")).build(),
        McpEventListener.NONE);
    assertThat(e[0].sendRequest("tools/call", null).get("model said").asText())
        .isEqualTo("4 (asked: 2+2?)");
  }

  @Test
  void interceptorsRewriteArgumentsBeforeTheHandlerAndResultsAfterIt() throws Exception {
    McpInterceptor upper = chain -> {
      ObjectNode p = chain.params().deepCopy();
      p.put("text", p.get("text").asText().toUpperCase());
      ObjectNode r = (ObjectNode) chain.proceed(p);
      r.put("intercepted", true);
      return r;
    };
    List<String> order = new CopyOnWriteArrayList<>();
    McpInterceptor outer = chain -> {
      order.add("outer " + chain.direction() + " " + chain.method());
      return chain.proceed(chain.params());
    };
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("echo", (ctx, params) -> {
          order.add("handler");
          return obj("echoed", params.get("text").asText());
        }).build(), MethodHandlers.builder().build(), McpEventListener.NONE, outer, upper);
    JsonNode r = e[0].sendRequest("echo", obj("text", "quiet"));
    assertThat(r.get("echoed").asText()).isEqualTo("QUIET");
    assertThat(r.get("intercepted").asBoolean()).isTrue();
    assertThat(order).containsExactly("outer INBOUND echo", "handler");
  }

  @Test
  void anInterceptorCanRefuseWithoutCallingTheHandler() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    McpInterceptor deny = chain -> {
      throw new McpProtocolException(ErrorCodes.INVALID_REQUEST, "denied by policy");
    };
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("x", (ctx, params) -> {
          calls.add("x");
          return null;
        }).build(), MethodHandlers.builder().build(), McpEventListener.NONE, deny);
    assertThatThrownBy(() -> e[0].sendRequest("x", null)).hasMessageContaining("denied by policy");
    assertThat(calls).isEmpty();
  }

  @Test
  void anInterceptorThatProceedsTwiceIsStoppedWithAnErrorNamingItAndTheMethod() throws Exception {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    McpInterceptor twice = new McpInterceptor() {
      @Override
      public JsonNode intercept(Chain chain) throws Exception {
        chain.proceed(chain.params());
        return chain.proceed(chain.params());
      }

      @Override
      public String toString() {
        return "RetryingInterceptor";
      }
    };
    ProtocolEngine engine = ProtocolEngine.builder().outbound((m, related) -> { })
        .addInterceptor(twice)
        .handlers(MethodHandlers.builder().onRequest("count", (ctx, p) -> {
          calls.incrementAndGet();
          return null;
        }).build()).build();
    engines.add(engine);

    JsonRpcResponse answer = engine.handle(new JsonRpcRequest(RequestId.of(1), "count", null), null);

    assertThat(errorCode(answer)).isEqualTo(ErrorCodes.INTERNAL_ERROR);
    assertThat(calls).hasValue(1);
    assertThatThrownBy(() -> dev.mcpkit.core.engine.internal.InterceptorChain.run(List.of(twice),
        Direction.OUTBOUND, "tools/call", null, new Attributes(), null, p -> p))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RetryingInterceptor").hasMessageContaining("tools/call")
        .hasMessageContaining("more than once");
  }

  @Test
  void outboundInterceptorsSeeTheRequestsWeSend() throws Exception {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    List<String> seen = new CopyOnWriteArrayList<>();
    ProtocolEngine client = McpTransports.connect(pair[0], ProtocolEngine.builder()
        .addInterceptor(chain -> {
          seen.add(chain.direction() + " " + chain.method());
          return chain.proceed(chain.params());
        }));
    ProtocolEngine server = McpTransports.connect(pair[1], ProtocolEngine.builder());
    engines.add(client);
    engines.add(server);
    client.sendRequest("ping", null);
    assertThat(seen).containsExactly("OUTBOUND ping");
  }

  @Test
  void theListenerSeesEveryRequestAndAThrowingListenerBreaksNothing() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    McpEventListener listener = new McpEventListener() {
      @Override
      public void requestStarted(RequestInfo r) {
        events.add("started " + r.method());
        throw new RuntimeException("listener bug");
      }

      @Override
      public void requestSucceeded(RequestInfo r, JsonNode result, long nanos) {
        events.add("succeeded " + r.method());
      }

      @Override
      public void requestFailed(RequestInfo r, JsonRpcError error, long nanos) {
        events.add("failed " + r.method() + " " + error.code());
      }
    };
    ProtocolEngine[] e = connected(MethodHandlers.builder().build(), MethodHandlers.builder().build(),
        listener);
    e[0].sendRequest("ping", null);
    assertThatThrownBy(() -> e[0].sendRequest("missing", null)).isInstanceOf(McpProtocolException.class);
    assertThat(events).containsExactly("started ping", "succeeded ping", "started missing",
        "failed missing -32601");
  }

  @Test
  void closingFailsEveryWaitingRequestWithAnIoException() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    ProtocolEngine[] e = connected(MethodHandlers.builder()
        .onRequest("hang", (ctx, params) -> {
          started.countDown();
          Thread.sleep(60_000);
          return null;
        }).build());
    CompletableFuture<JsonNode> f = e[0].sendRequestAsync("hang", null, RequestOptions.DEFAULT);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    e[0].close();
    assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class)
        .hasMessageContaining("connection closed before hang was answered");
    assertThatThrownBy(() -> e[0].sendRequest("ping", null)).isInstanceOf(IOException.class);
  }

  @Test
  void malformedInputIsAnsweredWithTheRightErrorAndTheEngineKeepsServing() throws Exception {
    RawTransport raw = new RawTransport();
    ProtocolEngine server = McpTransports.connect(raw, ProtocolEngine.builder()
        .handlers(MethodHandlers.builder().onRequest("echo", (ctx, p) -> p).build()));
    engines.add(server);

    raw.feed("{not json");
    assertThat(errorCode(raw.next())).isEqualTo(ErrorCodes.PARSE_ERROR);
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"echo\",\"params\":[1,2]}");
    JsonRpcMessage invalid = raw.next();
    assertThat(errorCode(invalid)).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(((JsonRpcResponse) invalid).id()).isEqualTo(RequestId.of(9));
    raw.feed("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}]");
    assertThat(errorCode(raw.next())).isEqualTo(ErrorCodes.INVALID_REQUEST);
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":\"still-here\",\"method\":\"echo\",\"params\":{\"a\":1}}");
    JsonRpcMessage ok = raw.next();
    assertThat(ok).isInstanceOf(JsonRpcResponse.Result.class);
    assertThat(((JsonRpcResponse.Result) ok).result().get("a").asInt()).isEqualTo(1);
    // an answer to a request nobody sent is ignored
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":{}}");
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}");
    assertThat(((JsonRpcResponse) raw.next()).id()).isEqualTo(RequestId.of("after"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON | {not json | -32700 | | not valid JSON",
      "an empty line | '' | -32700 | | empty",
      "two messages in one text | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}"
          + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\"} | -32700 | | more than one",
      "a message followed by a comment | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}"
          + " // hi | -32700 | | not valid JSON",
      "a JSON number | 42 | -32600 | | must be a JSON object",
      "no jsonrpc member | {\"id\":5,\"method\":\"echo\"} | -32600 | 5 | \"jsonrpc\"",
      "a boolean id | {\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"echo\"} | -32600 | |"
          + " \"id\" must be a string or a number",
      "an array id | {\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"echo\"} | -32600 | |"
          + " \"id\" must be a string or a number",
      "params that are an array | {\"jsonrpc\":\"2.0\",\"id\":\"p\",\"method\":\"echo\","
          + "\"params\":[1]} | -32600 | p | \"params\" must be an object",
      "a batch outside 2025-03-26 | [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}] |"
          + " -32600 | | 2025-03-26",
      "an unknown method | {\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":\"no/such\"} |"
          + " -32601 | m | no/such",
  })
  void everyKindOfMalformedInputGetsItsOwnErrorAndTheNextRequestIsStillAnswered(
      String kind, String input, int code, String id, String says) throws Exception {
    RawTransport raw = new RawTransport();
    ProtocolEngine server = McpTransports.connect(raw, ProtocolEngine.builder()
        .handlers(MethodHandlers.builder().onRequest("echo", (ctx, p) -> p).build()));
    engines.add(server);

    raw.feed(input);
    JsonRpcMessage answer = raw.next();
    assertThat(errorCode(answer)).as(kind).isEqualTo(code);
    assertThat(((JsonRpcResponse.Error) answer).error().message()).as(kind).contains(says);
    RequestId expectedId = id == null ? null
        : id.chars().allMatch(Character::isDigit) ? RequestId.of(Long.parseLong(id)) : RequestId.of(id);
    assertThat(((JsonRpcResponse) answer).id()).as(kind).isEqualTo(expectedId);

    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":\"next\",\"method\":\"echo\",\"params\":{\"a\":1}}");
    JsonRpcMessage next = raw.next();
    assertThat(next).as(kind).isInstanceOf(JsonRpcResponse.Result.class);
    assertThat(((JsonRpcResponse) next).id()).isEqualTo(RequestId.of("next"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "cancelled without params | {\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\"}",
      "cancelled with an object id | {\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
          + "\"params\":{\"requestId\":{}}}",
      "cancelled with an id too large for a double | {\"jsonrpc\":\"2.0\",\"method\":"
          + "\"notifications/cancelled\",\"params\":{\"requestId\":1e400}}",
      "progress with a token too large for a double | {\"jsonrpc\":\"2.0\",\"method\":"
          + "\"notifications/progress\",\"params\":{\"progressToken\":-1e400,\"progress\":\"x\"}}",
      "progress for no request | {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\","
          + "\"params\":{\"progressToken\":[1],\"progress\":1}}",
      "an error answering nothing we asked | {\"jsonrpc\":\"2.0\",\"id\":77,\"error\":"
          + "{\"code\":-1,\"message\":\"m\"}}",
      "a result answering nothing we asked | {\"jsonrpc\":\"2.0\",\"id\":1.5e300,\"result\":{}}",
  })
  void malformedNotificationsAndStrayAnswersAreIgnoredAndServingGoesOn(String kind, String input)
      throws Exception {
    RawTransport raw = new RawTransport();
    ProtocolEngine server = McpTransports.connect(raw, ProtocolEngine.builder()
        .handlers(MethodHandlers.builder().onRequest("echo", (ctx, p) -> p).build()));
    engines.add(server);

    raw.feed(input);
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":\"next\",\"method\":\"echo\"}");

    JsonRpcMessage first = raw.next();
    assertThat(first).as(kind).isInstanceOf(JsonRpcResponse.Result.class);
    assertThat(((JsonRpcResponse) first).id()).as(kind).isEqualTo(RequestId.of("next"));
  }

  @Test
  void inputThatIsNotAMessageReachesTheListenerWithTheErrorItWasAnswered() throws Exception {
    List<JsonRpcError> rejected = new CopyOnWriteArrayList<>();
    RawTransport raw = new RawTransport();
    engines.add(McpTransports.connect(raw, ProtocolEngine.builder().listener(new McpEventListener() {
      @Override
      public void messageRejected(JsonRpcError error) {
        rejected.add(error);
      }
    })));

    raw.feed("{not json");
    raw.feed("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":7}");

    assertThat(errorCode(raw.next())).isEqualTo(ErrorCodes.PARSE_ERROR);
    assertThat(errorCode(raw.next())).isEqualTo(ErrorCodes.INVALID_REQUEST);
    assertThat(rejected).extracting(JsonRpcError::code)
        .containsExactly(ErrorCodes.PARSE_ERROR, ErrorCodes.INVALID_REQUEST);
    assertThat(rejected.get(1).message()).contains("\"params\" must be an object");
  }

  private static int errorCode(JsonRpcMessage m) {
    assertThat(m).isInstanceOf(JsonRpcResponse.Error.class);
    return ((JsonRpcResponse.Error) m).error().code();
  }

  @Test
  void handleRunsOnTheCallersThreadAndRefusesAnIdAlreadyInFlight() throws Exception {
    List<JsonRpcMessage> out = new CopyOnWriteArrayList<>();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new CopyOnWriteArrayList<>();
    List<JsonRpcError> rejected = new CopyOnWriteArrayList<>();
    ProtocolEngine engine = ProtocolEngine.builder()
        .outbound((m, related) -> out.add(m))
        .listener(new McpEventListener() {
          @Override
          public void messageRejected(JsonRpcError error) {
            rejected.add(error);
          }
        })
        .handlers(MethodHandlers.builder().onRequest("block", (ctx, p) -> {
          threads.add(Thread.currentThread());
          inside.countDown();
          release.await();
          return null;
        }).build()).build();
    engines.add(engine);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      JsonRpcRequest req = new JsonRpcRequest(RequestId.of(1), "block", null);
      Future<JsonRpcResponse> first = pool.submit(() -> engine.handle(req, null));
      assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
      JsonRpcResponse dup = engine.handle(req, null);
      assertThat(dup).isInstanceOf(JsonRpcResponse.Error.class);
      assertThat(((JsonRpcResponse.Error) dup).error().message()).contains("already used");
      assertThat(rejected).extracting(JsonRpcError::message).singleElement().asString()
          .contains("already used");
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isInstanceOf(JsonRpcResponse.Result.class);
      assertThat(threads).hasSize(1).doesNotContain(Thread.currentThread());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void cancelledNotificationForAnIncomingRequestStopsItsAnswer() throws Exception {
    List<JsonRpcMessage> out = new CopyOnWriteArrayList<>();
    CountDownLatch inside = new CountDownLatch(1);
    ProtocolEngine engine = ProtocolEngine.builder()
        .outbound((m, related) -> out.add(m))
        .handlers(MethodHandlers.builder().onRequest("slow", (ctx, p) -> {
          inside.countDown();
          Thread.sleep(60_000);
          return null;
        }).build()).build();
    engines.add(engine);
    engine.receive(new JsonRpcRequest(RequestId.of("s1"), "slow", null));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    engine.receive(new JsonRpcNotification("notifications/cancelled", obj("requestId", "s1")));
    awaitZero(engine::requestsInFlight);
    assertThat(out).isEmpty();
  }
}
