package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends Nimbus-built OAuth requests through OkHttp (the client's timeouts, connection pool and TLS
 * settings apply) and hands the answer back as a Nimbus {@link HTTPResponse} for Nimbus to parse.
 * Redirects are not followed: OAuth endpoints answer directly.
 */
public final class OkHttpSender implements HTTPRequestSender {
  private static final long MAX_BODY_BYTES = 1 << 20;

  private final OkHttpClient http;

  public OkHttpSender(OkHttpClient http) {
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
  }

  public OkHttpClient client() {
    return http;
  }

  @Override
  public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
    Request.Builder builder = new Request.Builder().url(request.getURL());
    String contentType = null;
    for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
      for (String value : header.getValue()) {
        if (header.getKey().equalsIgnoreCase("Content-Type")) {
          contentType = value;
        } else {
          builder.addHeader(header.getKey(), value);
        }
      }
    }
    String method = request.getMethod().name();
    String body = request.getBody();
    RequestBody requestBody = null;
    if (body != null || method.equals("POST") || method.equals("PUT")) {
      MediaType type = contentType == null ? null : MediaType.parse(contentType);
      requestBody = RequestBody.create(body == null ? "" : body, type);
    }
    builder.method(method, requestBody);
    if (contentType != null && requestBody != null) {
      builder.header("Content-Type", contentType);
    }
    try (Response response = http.newCall(builder.build()).execute()) {
      HTTPResponse out = new HTTPResponse(response.code());
      out.setStatusMessage(response.message());
      for (String name : response.headers().names()) {
        out.setHeader(name, response.headers(name).toArray(String[]::new));
      }
      ResponseBody responseBody = response.body();
      okio.BufferedSource source = responseBody.source();
      if (source.request(MAX_BODY_BYTES + 1)) {
        throw new IOException(
            "response from " + request.getURI() + " is larger than " + MAX_BODY_BYTES + " bytes");
      }
      String content = source.getBuffer().readUtf8();
      if (!content.isEmpty()) {
        out.setBody(content);
      }
      return out;
    }
  }
}
