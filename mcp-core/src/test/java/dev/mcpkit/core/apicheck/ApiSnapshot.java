package dev.mcpkit.core.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A module's public API as text, read from its compiled classes: every public or protected type
 * outside {@code internal} packages, one line per type and one per public or protected member,
 * sorted. Compared with the committed {@code api/<module>.api}; with {@code -Dapi.update=true}
 * the file is rewritten instead. Also finds public signatures that mention an {@code internal}
 * type, which would make the internal type part of the API.
 */
public final class ApiSnapshot {
  /** The system property that rewrites the snapshot instead of comparing it. */
  public static final String UPDATE = "api.update";

  private ApiSnapshot() {}

  /**
   * Fails with the difference when the API of the classes in {@code classes} differs from {@code
   * snapshot}, or rewrites {@code snapshot} when {@value #UPDATE} is true.
   *
   * @param module the module's artifact id, for the messages
   */
  public static void check(String module, Path classes, Path snapshot) throws IOException {
    List<String> current = describe(classes);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(snapshot.toAbsolutePath().getParent());
      Files.write(snapshot, current, StandardCharsets.UTF_8);
      return;
    }
    List<String> committed = Files.exists(snapshot)
        ? Files.readAllLines(snapshot, StandardCharsets.UTF_8) : List.of();
    if (!committed.equals(current)) {
      throw new AssertionError("the public API of " + module + " differs from " + snapshot
          + " (- committed, + now):\n" + diff(committed, current)
          + "\nIf the change is on purpose, update the snapshot and commit it:\n"
          + "  ./mvnw -B -q -o -pl " + module + " -am -Djavadoc.skip=true"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=PublicApiTest -Dapi.update=true test"
          + "\n(or .ci/update-api for every module)");
    }
  }

  /** The lines of the public API that mention a type in an {@code internal} package. */
  public static List<String> internalLeaks(Path classes) throws IOException {
    return describe(classes).stream().filter(line -> line.matches(".*\\.internal\\.[A-Z].*"))
        .collect(Collectors.toList());
  }

  /** The API lines of the classes under {@code classes}, sorted by type, then member. */
  public static List<String> describe(Path classes) throws IOException {
    TreeMap<String, List<String>> types = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = classes.relativize(file).toString();
        if (!name.endsWith(".class") || name.endsWith("module-info.class")
            || name.endsWith("package-info.class")) {
          continue;
        }
        String className = name.substring(0, name.length() - 6).replace('/', '.')
            .replace('\\', '.');
        Class<?> type = load(className);
        if (type != null && isApi(type)) {
          types.put(type.getName(), describe(type));
        }
      }
    }
    List<String> lines = new ArrayList<>();
    types.values().forEach(lines::addAll);
    return lines;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ApiSnapshot.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("cannot load " + name + " to read its API: " + e, e);
    }
  }

  private static boolean isApi(Class<?> type) {
    if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()
        || type.getPackageName().matches("(.*\\.)?internal(\\..*)?")) {
      return false;
    }
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!visible(t.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<String> describe(Class<?> type) {
    List<String> members = new ArrayList<>();
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers()) && !c.isSynthetic()) {
        members.add(member(type, c.toGenericString()));
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        members.add(member(type, m.toGenericString()));
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        members.add(member(type, f.toGenericString()));
      }
    }
    members.sort(null);
    List<String> lines = new ArrayList<>();
    lines.add(header(type));
    lines.addAll(members);
    return lines;
  }

  private static String member(Class<?> owner, String signature) {
    return "  " + signature.replace(owner.getName() + ".", "");
  }

  private static String header(Class<?> type) {
    int mods = type.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
        | Modifier.FINAL | (type.isInterface() ? 0 : Modifier.ABSTRACT));
    String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface"
        : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
    StringBuilder s = new StringBuilder(Modifier.toString(mods));
    if (type.isSealed()) {
      s.append(" sealed");
    }
    s.append(' ').append(kind).append(' ').append(type.getTypeName());
    if (type.getTypeParameters().length > 0) {
      s.append(Stream.of(type.getTypeParameters()).map(Type::getTypeName)
          .collect(Collectors.joining(", ", "<", ">")));
    }
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
      s.append(" extends ").append(superclass.getTypeName());
    }
    if (type.getGenericInterfaces().length > 0 && !type.isAnnotation()) {
      s.append(type.isInterface() ? " extends " : " implements ").append(
          Stream.of(type.getGenericInterfaces()).map(Type::getTypeName)
              .collect(Collectors.joining(", ")));
    }
    return s.toString().trim();
  }

  /**
   * The lines only in {@code before} (with -) and only in {@code after} (with +), each member
   * named with its type, since the same member line appears in many types.
   */
  static String diff(List<String> before, List<String> after) {
    List<String> b = qualified(before);
    List<String> a = qualified(after);
    Set<String> inAfter = new HashSet<>(a);
    Set<String> inBefore = new HashSet<>(b);
    List<String> out = new ArrayList<>();
    b.stream().filter(l -> !inAfter.contains(l)).forEach(l -> out.add("- " + l));
    a.stream().filter(l -> !inBefore.contains(l)).forEach(l -> out.add("+ " + l));
    return String.join("\n", out);
  }

  private static List<String> qualified(List<String> lines) {
    List<String> out = new ArrayList<>();
    String type = "";
    for (String line : lines) {
      if (line.startsWith("  ")) {
        out.add(type + " { " + line.trim() + " }");
      } else {
        type = line;
        out.add(line);
      }
    }
    return out;
  }
}
