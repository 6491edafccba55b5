package dev.mcpkit.server;

import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.server.explorer.AuthHint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A unit of exposure: one URL at which a chosen subset of a server's tools is served, under a
 * fixed path ({@code /mcp}) or a capability URL ({@code /mcp/v1/{token}/mcp}) whose token is the
 * secret. An endpoint can be disabled and enabled again, and its token rotated, while the server
 * runs; a disabled endpoint, an unknown path and a wrong token all get the same plain 404.
 *
 * <p>Tokens are 192 random bits (or a host-supplied value of at least 128 bits), compared in
 * constant time, and never logged: {@link #toString()} masks them. Thread-safe.
 */
public final class McpEndpoint {
  /** The default capability URL layout. */
  public static final String CAPABILITY_TEMPLATE = "/mcp/v1/{token}/mcp";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,256}");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String id;
  private final McpServer server;
  private final String prefix;
  private final String suffix;
  private final boolean capability;
  private final Predicate<String> toolFilter;
  private final McpAuthenticator authenticator;
  private final Boolean explorerPage;
  private final AuthHint explorerCredential;
  private volatile byte[] token;
  private volatile boolean enabled;

  private McpEndpoint(Builder b) {
    this.server = b.server;
    this.capability = b.template != null;
    if (capability) {
      int at = b.template.indexOf("{token}");
      this.prefix = b.template.substring(0, at);
      this.suffix = b.template.substring(at + "{token}".length());
      this.token = (b.token != null ? b.token : newToken()).getBytes(StandardCharsets.US_ASCII);
    } else {
      this.prefix = b.path;
      this.suffix = "";
    }
    this.id = b.id != null ? b.id
        : capability ? "capability-" + COUNTER.incrementAndGet() : b.path;
    this.toolFilter = b.toolFilter;
    this.authenticator = b.authenticator;
    this.explorerPage = b.explorerPage;
    this.explorerCredential = b.explorerCredential;
    this.enabled = b.enabled;
  }

  /** Serves all of {@code server}'s tools at {@code path}. */
  public static McpEndpoint at(String path, McpServer server) {
    return builder(server).path(path).build();
  }

  /** Serves all of {@code server}'s tools at a fresh capability URL. */
  public static McpEndpoint capabilityUrl(McpServer server) {
    return builder(server).capabilityUrl().build();
  }

  public static Builder builder(McpServer server) {
    return new Builder(server);
  }

  /** A stable id; sessions belong to the endpoint they were created on. */
  public String id() {
    return id;
  }

  public McpServer server() {
    return server;
  }

  /** The path to hand out, token included for a capability URL. Treat it as a secret then. */
  public String path() {
    return capability ? prefix + new String(token, StandardCharsets.US_ASCII) + suffix : prefix;
  }

  public boolean isCapabilityUrl() {
    return capability;
  }

  public McpAuthenticator authenticator() {
    return authenticator;
  }

  /**
   * Whether the explorer page was switched on for this endpoint ({@link Builder#explorerPage()}).
   * Left unset, the embedded {@link McpHttpServer} still serves it when bound to a loopback
   * address; see {@link Builder#noExplorerPage()}.
   */
  public boolean hasExplorerPage() {
    return Boolean.TRUE.equals(explorerPage);
  }

  /**
   * Whether a browser's GET gets the explorer page: as set on the builder, else {@code
   * byDefault} (true for the embedded server on a loopback address).
   */
  boolean servesExplorerPage(boolean byDefault) {
    return explorerPage != null ? explorerPage : byDefault;
  }

  /** How the explorer page's snippets and Run test send a credential. */
  AuthHint explorerCredential() {
    if (explorerCredential != null) {
      return explorerCredential;
    }
    return authenticator == McpAuthenticator.NONE ? AuthHint.NONE : AuthHint.BEARER;
  }

  /** The capability token, or null; package-private so only the server sees it. */
  String token() {
    return capability ? new String(token, StandardCharsets.US_ASCII) : null;
  }

  /** Whether the tool named {@code name} is served here. */
  public boolean exposes(String toolName) {
    return toolFilter == null || toolFilter.test(toolName);
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Serves requests again. */
  public void enable() {
    enabled = true;
  }

  /** Answers every request with 404, as for an unknown path. Sessions stay until they expire. */
  public void disable() {
    enabled = false;
  }

  /**
   * Replaces the capability token with a fresh one and returns the new path; the old URL gets 404
   * from now on, and its sessions with it.
   *
   * @throws IllegalStateException for an endpoint at a fixed path
   */
  public String rotateToken() {
    if (!capability) {
      throw new IllegalStateException("endpoint " + id + " is at a fixed path; only capability"
          + " URLs have a token to rotate");
    }
    token = newToken().getBytes(StandardCharsets.US_ASCII);
    return path();
  }

  /**
   * The rest of {@code requestPath} after this endpoint's path ({@code ""} for the endpoint
   * itself, e.g. {@code "/sse"} below it), or null when the path is not this endpoint's. Tokens
   * are compared in constant time.
   */
  public String match(String requestPath) {
    if (!requestPath.startsWith(prefix)) {
      return null;
    }
    if (!capability) {
      String rest = requestPath.substring(prefix.length());
      return rest.isEmpty() || rest.startsWith("/") ? rest : null;
    }
    String tail = requestPath.substring(prefix.length());
    int end = suffix.isEmpty() ? tail.indexOf('/') : tail.indexOf(suffix);
    if (end < 0) {
      end = suffix.isEmpty() ? tail.length() : -1;
    }
    if (end <= 0) {
      return null;
    }
    byte[] candidate = tail.substring(0, end).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(candidate, token)) {
      return null;
    }
    String rest = tail.substring(end + suffix.length());
    return rest.isEmpty() || rest.startsWith("/") ? rest : null;
  }

  /**
   * The path of a sibling resource (the legacy SSE paths): {@code /mcp} gives {@code /sse} for
   * {@code "sse"}, {@code /mcp/v1/T/mcp} gives {@code /mcp/v1/T/sse}.
   */
  public String sibling(String name) {
    String p = path();
    int slash = p.lastIndexOf('/');
    return p.substring(0, slash + 1) + name;
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public String toString() {
    return "McpEndpoint[" + id + ", " + (capability ? prefix + "***" + suffix : prefix)
        + (enabled ? "" : ", disabled") + "]";
  }

  /** Builds an {@link McpEndpoint}: a path or a capability URL, optionally a tool subset. */
  public static final class Builder {
    private final McpServer server;
    private String id;
    private String path;
    private String template;
    private String token;
    private Predicate<String> toolFilter;
    private McpAuthenticator authenticator = McpAuthenticator.NONE;
    private Boolean explorerPage;
    private AuthHint explorerCredential;
    private boolean enabled = true;

    private Builder(McpServer server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /** A stable id (default: the path, or a generated one for capability URLs). */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id");
      return this;
    }

    /** Serves at a fixed path such as {@code /mcp}. */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!PATH.matcher(path).matches() || path.length() > 1 && path.endsWith("/")
          || path.contains("{token}")) {
        throw new IllegalArgumentException("endpoint path must start with '/', not end with '/'"
            + " and use URL path characters only, got \"" + path + "\"");
      }
      this.path = path;
      this.template = null;
      return this;
    }

    /** Serves at {@value #CAPABILITY_TEMPLATE} with a fresh random token. */
    public Builder capabilityUrl() {
      return capabilityUrl(CAPABILITY_TEMPLATE, null);
    }

    /**
     * Serves at a capability URL laid out as {@code template} (which contains {@code {token}} once,
     * as one whole path segment) with {@code token}, or a fresh random one when null. A
     * host-supplied token must be at least 22 characters of URL-safe base64 (128 bits).
     */
    public Builder capabilityUrl(String template, String token) {
      Objects.requireNonNull(template, "template");
      int at = template.indexOf("{token}");
      if (at < 1 || template.indexOf("{token}", at + 1) >= 0 || template.charAt(at - 1) != '/'
          || !(template.endsWith("{token}") || template.startsWith("/", at + "{token}".length()))
          || !PATH.matcher(template.replace("{token}", "t")).matches()) {
        throw new IllegalArgumentException("capability URL template must contain {token} once, as"
            + " a whole path segment, e.g. " + CAPABILITY_TEMPLATE + "; got \"" + template + "\"");
      }
      if (token != null && !TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException("a capability token must be 22 to 256 characters of"
            + " URL-safe base64 (A-Z a-z 0-9 - _), i.e. at least 128 random bits; the token given"
            + " has " + token.length() + " characters or others");
      }
      this.template = template;
      this.token = token;
      this.path = null;
      return this;
    }

    /** Serves only these tools (default: all the server's tools, including ones added later). */
    public Builder tools(String... names) {
      Set<String> set = new LinkedHashSet<>();
      for (String n : names) {
        set.add(Objects.requireNonNull(n, "tool name"));
      }
      Set<String> copy = Set.copyOf(set);
      this.toolFilter = copy::contains;
      return this;
    }

    /** Serves the tools whose name passes {@code filter}; evaluated on every list and call. */
    public Builder toolFilter(Predicate<String> filter) {
      this.toolFilter = Objects.requireNonNull(filter, "filter");
      return this;
    }

    /** Authenticates every request (default: none, every caller is anonymous). */
    public Builder authenticator(McpAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Answers a browser's GET on the endpoint URL with the explorer page (the tools, a Run test,
     * connection snippets), behind the endpoint's authentication. The embedded {@link
     * McpHttpServer} does this by default when bound to a loopback address; call this to serve
     * the page elsewhere (another address, a servlet container). The page assumes a bearer token
     * when the endpoint has an authenticator; see {@link #explorerPage(AuthHint)}.
     */
    public Builder explorerPage() {
      this.explorerPage = true;
      return this;
    }

    /**
     * Serves the explorer page as {@link #explorerPage()} does, telling it how clients send their
     * credential, e.g. {@code AuthHint.apiKeyHeader("X-API-Key")}: the snippets then put a
     * placeholder in that header (never a secret in the URL) and the Run test offers a field for
     * it.
     */
    public Builder explorerPage(AuthHint credential) {
      this.explorerCredential = Objects.requireNonNull(credential, "credential");
      this.explorerPage = true;
      return this;
    }

    /** Never serves the explorer page, not even on loopback; a browser's GET gets 406. */
    public Builder noExplorerPage() {
      this.explorerPage = false;
      this.explorerCredential = null;
      return this;
    }

    /** Starts disabled (404) until {@link McpEndpoint#enable()}. */
    public Builder disabled() {
      this.enabled = false;
      return this;
    }

    public McpEndpoint build() {
      if (path == null && template == null) {
        throw new IllegalStateException("an endpoint needs a path: call path(\"/mcp\") or"
            + " capabilityUrl()");
      }
      return new McpEndpoint(this);
    }
  }
}
