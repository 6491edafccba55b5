package dev.mcpkit.auth;

/** Which way an OAuth credential was obtained, for logs and audit (never the token itself). */
public enum TokenSource {
  /** The user authorized in the browser (authorization code with PKCE). */
  USER_AUTHORIZATION,
  /** The enterprise identity provider vouched for the user (ID-JAG, no browser step). */
  ENTERPRISE,
  /** A service account's client credentials grant. */
  CLIENT_CREDENTIALS,
  /** A workload's own JWT from its platform (JWT bearer grant, workload identity federation). */
  WORKLOAD_IDENTITY
}
