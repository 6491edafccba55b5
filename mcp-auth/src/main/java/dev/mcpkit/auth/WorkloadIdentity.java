package dev.mcpkit.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a workload's own identity comes from for workload identity federation: a JWT issued to this
 * workload by its platform (a Kubernetes projected service account token, a cloud instance identity
 * token, a SPIFFE JWT-SVID), which the client presents with the JWT bearer grant (RFC 7523) instead of
 * a client secret. Asked each time a token is needed, so a rotated file is picked up.
 *
 * <p>Implementations are thread-safe; they throw {@link IOException} when the JWT cannot be read, and
 * must not put the JWT into exception messages.
 */
@FunctionalInterface
public interface WorkloadIdentity {
  /** The workload's current JWT (compact serialization). */
  String jwt() throws IOException;

  /** A JWT read from {@code file} on every use (platforms rotate these files in place). */
  static WorkloadIdentity file(Path file) {
    Objects.requireNonNull(file, "file");
    return new WorkloadIdentity() {
      @Override
      public String jwt() throws IOException {
        if (Files.size(file) > 64 * 1024) {
          throw new IOException("workload identity file " + file + " is over 64 KiB; not a JWT");
        }
        String jwt = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (jwt.isEmpty()) {
          throw new IOException("workload identity file " + file + " is empty");
        }
        return jwt;
      }

      @Override
      public String toString() {
        return "WorkloadIdentity[file=" + file + "]";
      }
    };
  }

  /** A fixed JWT (tests, short-lived programs). */
  static WorkloadIdentity of(String jwt) {
    Objects.requireNonNull(jwt, "jwt");
    return new WorkloadIdentity() {
      @Override
      public String jwt() {
        return jwt;
      }

      @Override
      public String toString() {
        return "WorkloadIdentity[fixed]";
      }
    };
  }
}
