package io.rampart.dlp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.MixedCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scan throughput of all built-in detectors, per thread. The {@code bytes} counter is UTF-8
 * bytes scanned per second (divide by 10^6 for MB/s); run with {@code -t N} for N threads.
 *
 * <p>Corpora: {@code dev} is the labeled development set, read at bench time from
 * {@code -Drampart.dlp.dev} (default {@code ../shared/data/dlp/dev.jsonl}, relative to the repo
 * root; never copied into the repository): short, very dense documents. {@code mixed} is generated
 * ordinary traffic ({@link MixedCorpus}) cut into 64 KiB documents: sparse values.
 *
 * <p>{@code scanOnNewVirtualThread} scans each document on a virtual thread of its own, as the
 * gateway does for every request: per-thread state is created anew for every call there (read its
 * {@code gc.alloc.rate.norm} with {@code -prof gc}; the thread itself costs the same before and
 * after a change). Any JSONL file with a {@code text} field can stand in for the dev set, e.g.
 * 1 KB chat prompts from {@code bench/guard/chat_prompts.py}.
 *
 * <p>Not part of the build's test run (the class name matches no surefire pattern). Command: see
 * docs/BENCHMARKS.md, section DLP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DlpScanBenchmark {
  @Param({"dev", "mixed"})
  public String corpus;

  private DlpEngine engine;
  private List<String> docs;
  private long[] sizes;
  private int next;

  /** UTF-8 bytes scanned, reported as a rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup
  public void setUp() {
    engine = DlpEngine.create();
    docs = new ArrayList<>();
    if (corpus.equals("dev")) {
      Path dev = Path.of(System.getProperty("rampart.dlp.dev", "../shared/data/dlp/dev.jsonl"));
      ObjectMapper json = new ObjectMapper();
      try {
        for (String line : Files.readAllLines(dev)) {
          if (!line.isBlank()) {
            docs.add(json.readTree(line).get("text").asText());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("rampart.dlp.dev: " + dev + " (expected: readable JSONL)", e);
      }
    } else {
      String text = MixedCorpus.text(1, 8 << 20);
      for (int i = 0; i < text.length(); i += 65536) {
        docs.add(text.substring(i, Math.min(text.length(), i + 65536)));
      }
    }
    sizes = docs.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).toArray();
  }

  /** One document per call, cycling through the corpus. */
  @Benchmark
  public int scan(Bytes counter) {
    int k = next;
    next = k + 1 == docs.size() ? 0 : k + 1;
    counter.bytes += sizes[k];
    return engine.scan(docs.get(k)).size();
  }

  /** As {@link #scan}, on a new virtual thread per call (the gateway's request threads). */
  @Benchmark
  public int scanOnNewVirtualThread(Bytes counter) throws InterruptedException {
    int k = next;
    next = k + 1 == docs.size() ? 0 : k + 1;
    counter.bytes += sizes[k];
    int[] found = new int[1];
    Thread.ofVirtual().start(() -> found[0] = engine.scan(docs.get(k)).size()).join();
    return found[0];
  }
}
