package dev.mcpkit.benchmarks.load;

import java.util.Map;

/** The harness's results as Markdown: one table, then every target with its figure. */
final class Report {
  private final LoadHarness h;
  private final StringBuilder md = new StringBuilder();

  private Report(LoadHarness h) {
    this.h = h;
  }

  static String render(LoadHarness h) {
    return new Report(h).render();
  }

  private String render() {
    md.append("Conditions: ").append(h.conditions()).append("\n\n");
    for (Map.Entry<String, String> w : h.warmedUp().entrySet()) {
      md.append("- warm-up of ").append(w.getKey()).append(": ").append(w.getValue()).append('\n');
    }
    if (!h.warmedUp().isEmpty()) {
      md.append('\n');
    }
    md.append("| server | req/s, 64 conn | p50 ms | p99 ms | errors | req/s, 1 conn | p50 ms"
        + " | p99 ms | errors | req/s vs official (64 / 1) | p99 vs official | live heap per idle"
        + " session | idle sessions called, failed |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String name : h.at64().keySet()) {
      Result m = h.at64().get(name);
      Result o = h.at1().get(name);
      Result om = official(name, h.at64());
      Result oo = official(name, h.at1());
      md.append("| ").append(name)
          .append(" | ").append(num(m.perSecond())).append(" | ").append(ms(m.p50Millis()))
          .append(" | ").append(ms(m.p99Millis())).append(" | ").append(m.errors())
          .append(" | ").append(num(o.perSecond())).append(" | ").append(ms(o.p50Millis()))
          .append(" | ").append(ms(o.p99Millis())).append(" | ").append(o.errors())
          .append(" | ").append(om == null || !name.startsWith("ours") ? "" :
              ratio(m.perSecond() / om.perSecond()) + " / " + ratio(o.perSecond() / oo.perSecond()))
          .append(" | ").append(om == null || !name.startsWith("ours") ? "" :
              ratio(m.p99Millis() / om.p99Millis()))
          .append(" | ").append(idle(name))
          .append(" | ").append(idleCalls(name))
          .append(" |\n");
    }
    if (!h.clients().isEmpty()) {
      md.append("\n| client (tools/call echo, our server on Jetty) | calling threads | calls/s"
          + " | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---:|\n");
      h.clients().forEach((k, r) -> md.append("| ").append(k.replace("@", " | "))
          .append(" | ").append(num(r.perSecond())).append(" | ").append(ms(r.p50Millis()))
          .append(" | ").append(ms(r.p99Millis())).append(" | ").append(r.errors()).append(" |\n"));
    }
    md.append("\nTargets:\n\n");
    for (String host : new String[] {"jetty", "tomcat"}) {
      Result ours64 = h.at64().get("ours-" + host);
      Result off64 = h.at64().get("official-" + host);
      Result ours1 = h.at1().get("ours-" + host);
      Result off1 = h.at1().get("official-" + host);
      if (ours64 != null && off64 != null) {
        target("Servlet on " + host + ": req/s at 64 connections >= 2.5x the official SDK",
            ours64.perSecond() / off64.perSecond(), 2.5, true);
        target("Servlet on " + host + ": req/s at 1 connection >= 1.5x the official SDK",
            ours1.perSecond() / off1.perSecond(), 1.5, true);
        target("Servlet on " + host + ": p99 at 64 connections <= 0.5x the official SDK's",
            ours64.p99Millis() / off64.p99Millis(), 0.5, false);
      }
    }
    for (String host : new String[] {"jdk", "jetty", "tomcat"}) {
      Result ours64 = h.at64().get("ours-" + host);
      Result bare64 = h.at64().get("bare-" + host);
      if (ours64 != null && bare64 != null) {
        target("ours on " + host + ": >= 90% of the bare container answering a fixed reply"
            + " (64 connections)", ours64.perSecond() / bare64.perSecond(), 0.90, true);
        target("ours on " + host + ": >= 90% of the bare container (1 connection)",
            h.at1().get("ours-" + host).perSecond() / h.at1().get("bare-" + host).perSecond(),
            0.90, true);
      }
    }
    h.newBytes().forEach((name, bytes) -> {
      if (name.startsWith("ours")) {
        md.append("- ").append(name).append(": live heap per session from the moment it exists"
            + " <= 512 bytes: ").append(bytes).append(" bytes: ")
            .append(bytes <= 512 ? "**met**" : "**not met**").append('\n');
      }
    });
    h.idleBytes().forEach((name, bytes) -> {
      if (name.startsWith("ours")) {
        md.append("- ").append(name).append(": live heap per idle session <= 512 bytes: ")
            .append(bytes).append(" bytes: ").append(bytes <= 512 ? "**met**" : "**not met**")
            .append('\n');
        long failed = h.idleErrors().get(name);
        md.append("- ").append(name).append(": ").append(String.format("%,d", h.sessions()))
            .append(" idle sessions served without error: ").append(failed).append(" failed: ")
            .append(failed != 0 ? "**not met**" : h.sessions() >= 10_000 ? "**met**"
                : "none failed (the target is 10,000 sessions)")
            .append('\n');
      }
    });
    for (String host : new String[] {"jdk", "jetty", "tomcat"}) {
      Result session = h.at64().get("ours-" + host);
      Result stateless = h.at64().get("ours-" + host + " 2026-07-28");
      if (session != null && stateless != null) {
        target("2026-07-28 stateless on " + host + " at least as fast as sessions (64 conn)",
            stateless.perSecond() / session.perSecond(), 1.0, true);
        target("2026-07-28 stateless on " + host + " at least as fast as sessions (1 conn)",
            h.at1().get("ours-" + host + " 2026-07-28").perSecond()
                / h.at1().get("ours-" + host).perSecond(), 1.0, true);
      }
    }
    for (int callers : new int[] {1, 16}) {
      Result ours = h.clients().get("ours@" + callers);
      Result official = h.clients().get("official@" + callers);
      if (ours != null && official != null) {
        target("client callTool at " + callers + " caller(s) >= 1.5x the official client",
            ours.perSecond() / official.perSecond(), 1.5, true);
      }
    }
    md.append("- governed call (mcp-policy) under 5% over a direct call: not measured by this"
        + " harness\n");
    return md.toString();
  }

  private void target(String what, double ratio, double goal, boolean atLeast) {
    boolean met = atLeast ? ratio >= goal : ratio <= goal;
    md.append("- ").append(what).append(": ").append(ratio(ratio)).append(": ")
        .append(met ? "**met**" : "**not met**").append('\n');
  }

  private String idle(String name) {
    Long bytes = h.idleBytes().get(name);
    if (bytes == null) {
      return "";
    }
    Long fresh = h.newBytes().get(name);
    return String.format("%,d B", bytes) + (fresh == null ? "" : String.format(" (new: %,d B)",
        fresh));
  }

  private String idleCalls(String name) {
    Long failed = h.idleErrors().get(name);
    return failed == null ? "" : String.format("%,d, %d", h.sessions(), failed);
  }

  private static Result official(String name, Map<String, Result> results) {
    if (name.endsWith("jetty") || name.contains("jetty ")) {
      return results.get("official-jetty");
    }
    if (name.endsWith("tomcat") || name.contains("tomcat ")) {
      return results.get("official-tomcat");
    }
    return null;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "-" : String.format("%,.0f", v);
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.2f", v);
  }

  private static String ratio(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "-" : String.format("%.2fx", v);
  }
}
