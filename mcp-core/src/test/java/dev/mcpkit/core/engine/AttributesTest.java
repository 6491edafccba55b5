package dev.mcpkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AttributesTest {
  private static final Attributes.Key<String> NAME = Attributes.Key.of("name", String.class);
  private static final Attributes.Key<Integer> COUNT = Attributes.Key.of("count", Integer.class);

  @Test
  void aValueSetHereHidesTheParentsAndRemovingItShowsTheParentsAgain() {
    Attributes connection = new Attributes().put(NAME, "connection");
    Attributes request = new Attributes(connection);

    assertThat(request.get(NAME)).isEqualTo("connection");
    request.put(NAME, "request");
    assertThat(request.get(NAME)).isEqualTo("request");
    request.put(NAME, "again");
    assertThat(request.get(NAME)).isEqualTo("again");
    request.put(NAME, null);
    assertThat(request.get(NAME)).isEqualTo("connection");
    assertThat(request.get(COUNT)).isNull();
  }

  @Test
  void keysAreComparedByIdentityAndValuesCheckedAgainstTheirType() {
    Attributes a = new Attributes().put(NAME, "x");
    Attributes.Key<String> sameName = Attributes.Key.of("name", String.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Attributes.Key<String> lying = (Attributes.Key) COUNT;

    assertThat(a.get(sameName)).isNull();
    assertThatThrownBy(() -> a.put(lying, "not a number")).isInstanceOf(ClassCastException.class);
  }

  @Test
  void manyKeysWrittenFromSeveralThreadsAreAllReadBack() throws Exception {
    Attributes a = new Attributes();
    List<Attributes.Key<Integer>> keys = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      keys.add(Attributes.Key.of("k" + i, Integer.class));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t * 16;
        writers.add(pool.submit(() -> {
          start.await();
          for (int i = first; i < first + 16; i++) {
            a.put(keys.get(i), i);
            assertThat(a.get(keys.get(i))).isEqualTo(i); // each writer reads its own at once
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> w : writers) {
        w.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 64; i++) {
      assertThat(a.get(keys.get(i))).isEqualTo(i);
    }
  }
}
