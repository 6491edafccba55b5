package dev.mcpkit.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official SDK's JSON Schema validator (json-schema-validator 3.x on Jackson 3) cannot share a
 * class path with mcp-core's (1.5.x on Jackson 2), so the build copies it to {@code official-lib}
 * beside the jar and the JVMs that run the official SDK put it first on their class path.
 */
final class OfficialClasspath {
  private OfficialClasspath() {}

  /** Whether this JVM already has the official SDK's validator. */
  static boolean present() {
    try {
      Class.forName("com.networknt.schema.dialect.Dialects", false,
          OfficialClasspath.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The class path for a JVM running the official SDK: official-lib first, then this one. */
  static String classpath() throws IOException {
    String own = System.getProperty("java.class.path");
    Path first = Path.of(own.split(File.pathSeparator)[0]).toAbsolutePath();
    Path lib = first.getParent()
        .resolve("official-lib");
    if (!Files.isDirectory(lib)) {
      throw new IOException("no " + lib + ": build the benchmarks module with ./mvnw -pl"
          + " benchmarks -am package, which copies the official SDK's validator there");
    }
    List<String> entries = new ArrayList<>();
    try (Stream<Path> jars = Files.list(lib)) {
      jars.filter(p -> p.toString().endsWith(".jar")).sorted()
          .forEach(p -> entries.add(p.toString()));
    }
    entries.add(own);
    return String.join(File.pathSeparator, entries);
  }

  /**
   * Runs {@code Main command args} again in a JVM with the official class path and the same JVM
   * options, and returns its exit code.
   */
  static int rerun(String subcommand, String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-cp");
    command.add(classpath());
    command.add("dev.mcpkit.benchmarks.Main");
    command.add(subcommand);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
    return p.waitFor();
  }
}
