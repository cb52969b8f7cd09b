package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The thread pool of the gateway's Jetty server and upstream client: selectors and Jetty's own
 * non-blocking tasks on a few platform threads, every blocking task (the request pipeline,
 * detectors, reading an upstream answer) on a virtual thread of its own. A pool of virtual
 * threads only (Jetty's {@code VirtualThreadPool}) also parks the selectors on virtual threads,
 * where every {@code select} pins a carrier and the scheduler compensates with another one:
 * measured on the 1 KB gateway benchmark, docs/BENCHMARKS.md (Gateway, CPU per request).
 */
final class GatewayThreads {
  private GatewayThreads() {}

  /** A pool named {@code name} (not started; the server or client that owns it starts it). */
  static QueuedThreadPool pool(String name) {
    requireNonNull(name, "name");
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName(name);
    threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor(name + "-v"));
    return threads;
  }
}
