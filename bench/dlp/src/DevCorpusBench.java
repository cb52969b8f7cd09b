import io.rampart.dlp.*; import java.nio.file.*; import com.fasterxml.jackson.databind.*; import java.util.*;
public class DevCorpusBench { public static void main(String[] a) throws Exception {
  ObjectMapper m = new ObjectMapper(); List<String> docs = new ArrayList<>(); long bytes = 0;
  for (String l : Files.readAllLines(Path.of(a[0]))) { String t = m.readTree(l).get("text").asText(); docs.add(t); bytes += t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; }
  DlpEngine e = DlpEngine.create();
  for (int w = 0; w < 20; w++) for (String d : docs) e.scan(d);
  long t0 = System.nanoTime(); int reps = 20; for (int w = 0; w < reps; w++) for (String d : docs) e.scan(d);
  double s = (System.nanoTime() - t0) / 1e9; System.out.printf("rampart-dlp: %.2f MB x %d in %.2f s = %.2f MB/s%n", bytes/1e6, reps, s, reps*bytes/1e6/s);
}}
