package dev.mcpkit.core.json.internal;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Jackson's buffers, kept per thread in plain fields. Jackson's own thread-local recycler keeps
 * them in atomic arrays, so that a recycler can move between threads; each buffer taken or given
 * back is then a locked instruction, a full memory fence, and a request's parse and encode take
 * and give back about eight. A recycler of this pool hands out and takes back buffers only on its
 * own thread, so it needs none: a parser or generator made on one thread and used or closed on
 * another (which Jackson allows) gets fresh buffers there and gives nothing back.
 *
 * <p>Buffers larger than {@link #KEEP_AT_MOST} bytes or characters are not kept, so that one large
 * message does not leave a large buffer on every thread that read one (Jackson's recycler keeps them
 * behind a soft reference; these are strong, so the cap bounds what a thread keeps: about 30 KB
 * at Jackson's sizes, 192 KB at most for its four byte and four character buffers). A virtual thread (Java 21+)
 * usually serves one request and ends, so a recycler of its own would be new every time: virtual
 * threads share a bounded pool of Jackson's recyclers instead.
 */
public final class ThreadBuffers extends BufferRecycler {
  static final int KEEP_AT_MOST = 16 * 1024; // Jackson's own sizes are at most 8,000
  static final int SHARED_FOR_VIRTUAL_THREADS = 64;
  private static final ThreadLocal<ThreadBuffers> LOCAL = ThreadLocal.withInitial(ThreadBuffers::new);
  private static final MethodHandle IS_VIRTUAL = isVirtual();

  private final Thread owner = Thread.currentThread(); // made by ThreadLocal on its own thread
  private final byte[][] bytes = new byte[8][];
  private final char[][] chars = new char[8][];

  private ThreadBuffers() {
    super(0, 0); // Jackson's atomic arrays are not used
  }

  /** The pool to give a {@code JsonFactory}: every thread gets its own recycler. */
  public static RecyclerPool<BufferRecycler> pool() {
    return Pool.INSTANCE;
  }

  @Override
  public byte[] allocByteBuffer(int ix, int minSize) {
    int size = Math.max(minSize, byteBufferLength(ix));
    if (ix >= bytes.length || Thread.currentThread() != owner) {
      return balloc(size); // a kind a later Jackson may add, or another thread: nothing shared
    }
    byte[] kept = bytes[ix];
    if (kept == null || kept.length < size) {
      return balloc(size);
    }
    bytes[ix] = null;
    return kept;
  }

  @Override
  public void releaseByteBuffer(int ix, byte[] buffer) {
    if (ix >= bytes.length || Thread.currentThread() != owner) {
      return;
    }
    byte[] kept = bytes[ix];
    if (buffer != null && buffer.length <= KEEP_AT_MOST
        && (kept == null || buffer.length > kept.length)) {
      bytes[ix] = buffer; // the larger one stays, as in Jackson's own recycler
    }
  }

  @Override
  public char[] allocCharBuffer(int ix, int minSize) {
    int size = Math.max(minSize, charBufferLength(ix));
    if (ix >= chars.length || Thread.currentThread() != owner) {
      return calloc(size);
    }
    char[] kept = chars[ix];
    if (kept == null || kept.length < size) {
      return calloc(size);
    }
    chars[ix] = null;
    return kept;
  }

  @Override
  public void releaseCharBuffer(int ix, char[] buffer) {
    if (ix >= chars.length || Thread.currentThread() != owner) {
      return;
    }
    char[] kept = chars[ix];
    if (buffer != null && buffer.length <= KEEP_AT_MOST
        && (kept == null || buffer.length > kept.length)) {
      chars[ix] = buffer;
    }
  }

  @Override
  public BufferRecycler withPool(RecyclerPool<BufferRecycler> pool) {
    return this; // never linked: giving it back is nothing to do
  }

  @Override
  public void releaseToPool() {}

  /** {@code Thread::isVirtual} where the runtime has it (Java 21+), otherwise null. */
  private static MethodHandle isVirtual() {
    try {
      return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
          MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }

  static boolean onVirtualThread() {
    if (IS_VIRTUAL == null) {
      return false;
    }
    try {
      return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
    } catch (Throwable e) {
      return false;
    }
  }

  private static final class Pool implements RecyclerPool<BufferRecycler> {
    private static final long serialVersionUID = 1L;
    static final Pool INSTANCE = new Pool();
    private final RecyclerPool<BufferRecycler> shared =
        JsonRecyclerPools.newBoundedPool(SHARED_FOR_VIRTUAL_THREADS);

    @Override
    public BufferRecycler acquireAndLinkPooled() {
      return onVirtualThread() ? shared.acquireAndLinkPooled() : LOCAL.get();
    }

    @Override
    public BufferRecycler acquirePooled() {
      return onVirtualThread() ? shared.acquirePooled() : LOCAL.get();
    }

    @Override
    public void releasePooled(BufferRecycler pooled) {
      if (!(pooled instanceof ThreadBuffers)) {
        shared.releasePooled(pooled);
      }
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
