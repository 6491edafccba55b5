package dev.mcpkit.examples.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.policy.PolicyDeniedException;
import dev.mcpkit.policy.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's web server: the JDK's {@code com.sun.net.httpserver} on loopback, one session per
 * browser (a random cookie), CSRF-checked POST forms, bounded request bodies, and pages with a
 * strict Content-Security-Policy (scripts and styles only with the response's nonce).
 */
final class WebConsole implements AutoCloseable {
  /** The largest form accepted (an uploaded icon is at most 64 KiB, about 88 KiB as base64). */
  static final int MAX_BODY = 256 * 1024;
  static final int MAX_FIELDS = 200;
  static final int MAX_SESSIONS = 1000;
  static final String COOKIE = "console_session";

  interface Screen {
    Response handle(Request request) throws Exception;
  }

  private final HttpServer http;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Screen> routes = new LinkedHashMap<>();
  private volatile Platform platform;

  WebConsole(int port) throws IOException {
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    http.setExecutor(pool);
    http.createContext("/", this::serve);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  void start(Platform p) {
    this.platform = p;
    new ServersScreen(p).register(routes);
    new ConnectorsScreen(p).register(routes);
    new PermissionsScreen(p).register(routes);
    new RunScreen(p).register(routes);
    new ApprovalsScreen(p).register(routes);
    new ActivityScreen(p).register(routes);
    routes.put("/", r -> Response.redirect("/servers"));
    routes.put("/switch-user", r -> {
      r.session().actAs(p.person(r.param("user")).id());
      return Response.redirect(r.param("back").startsWith("/") ? r.param("back") : "/servers");
    });
    http.start();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      Session session = session(ex);
      Response response;
      String nonce = Session.random();
      try {
        response = route(ex, session);
      } catch (PolicyDeniedException e) {
        response = Response.error(403, e.getMessage());
      } catch (IllegalArgumentException | IllegalStateException e) {
        response = Response.error(400, e.getMessage());
      } catch (Exception e) {
        response = Response.error(502, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      write(ex, session, response, nonce);
    }
  }

  private Response route(HttpExchange ex, Session session) throws Exception {
    String method = ex.getRequestMethod();
    URI uri = ex.getRequestURI();
    Screen screen = routes.get(uri.getPath());
    if (screen == null) {
      return Response.error(404, "no page " + uri.getPath());
    }
    Map<String, String> form = Map.of();
    if (method.equals("POST")) {
      byte[] body = readBounded(ex.getRequestBody());
      if (body == null) {
        return Response.error(413, "the form is larger than " + MAX_BODY / 1024 + " KiB");
      }
      form = parse(new String(body, StandardCharsets.UTF_8));
      if (!MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
          form.getOrDefault("csrf", "").getBytes(StandardCharsets.UTF_8))) {
        return Response.error(403, "this form is not from this session (missing or wrong CSRF "
            + "token); reload the page and try again");
      }
    } else if (!method.equals("GET")) {
      return Response.error(405, "only GET and POST are served");
    }
    Principal user = platform.person(session.userId());
    return screen.handle(new Request(method, uri.getPath(), parse(uri.getRawQuery()), form,
        session, user));
  }

  private Session session(HttpExchange ex) {
    String cookies = ex.getRequestHeaders().getFirst("Cookie");
    if (cookies != null) {
      for (String c : cookies.split(";")) {
        String[] kv = c.trim().split("=", 2);
        if (kv.length == 2 && kv[0].equals(COOKIE)) {
          Session s = sessions.get(kv[1]);
          if (s != null) {
            return s;
          }
        }
      }
    }
    if (sessions.size() >= MAX_SESSIONS) {
      sessions.clear(); // a stand-in for sign-in: everyone starts again rather than memory growing
    }
    Session s = new Session(Platform.PEOPLE.get(0).id());
    sessions.put(s.id(), s);
    return s;
  }

  private void write(HttpExchange ex, Session session, Response r, String nonce)
      throws IOException {
    var h = ex.getResponseHeaders();
    h.set("Set-Cookie", COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax");
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    if (r.location() != null) {
      h.set("Location", r.location());
      ex.sendResponseHeaders(r.status(), -1);
      return;
    }
    byte[] bytes;
    if (r.contentType() != null) {
      h.set("Content-Type", r.contentType());
      h.set("Content-Disposition", "attachment; filename=\"activity.jsonl\"");
      bytes = r.body().getBytes(StandardCharsets.UTF_8);
    } else {
      h.set("Content-Type", "text/html; charset=utf-8");
      h.set("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
          + "'; style-src 'nonce-" + nonce + "'; img-src data:; form-action 'self' "
          + "http://localhost:* http://127.0.0.1:* https:; base-uri 'none'; "
          + "frame-ancestors 'none'");
      h.set("X-Frame-Options", "DENY");
      bytes = Layout.render(platform, session, r, nonce).getBytes(StandardCharsets.UTF_8);
    }
    ex.sendResponseHeaders(r.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The body, or null when it is larger than {@link #MAX_BODY} (reading stops there). */
  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    return body.length > MAX_BODY ? null : body;
  }

  /** URL-encoded fields; at most {@link #MAX_FIELDS}, the first value of a repeated name wins. */
  static Map<String, String> parse(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&", MAX_FIELDS + 1)) {
      if (out.size() == MAX_FIELDS) {
        throw new IllegalArgumentException("more than " + MAX_FIELDS + " form fields");
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  @Override
  public void close() {
    http.stop(0);
    pool.shutdownNow();
  }
}
