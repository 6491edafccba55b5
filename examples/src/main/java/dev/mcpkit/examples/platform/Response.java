package dev.mcpkit.examples.platform;

/** What a screen answers: a page (title and body markup), a redirect, or a download. */
record Response(int status, String title, String body, String location, String contentType) {
  static Response page(String title, String body) {
    return new Response(200, title, body, null, null);
  }

  static Response redirect(String location) {
    return new Response(303, null, null, location, null);
  }

  static Response download(String contentType, String text) {
    return new Response(200, null, text, null, contentType);
  }

  static Response error(int status, String message) {
    return new Response(status, "Error", "<p class=\"error\" id=\"error\">" + Html.esc(message)
        + "</p>", null, null);
  }
}
