package dev.sttclients.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.sttclients.runtime.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runtime's repeated-key check gives the verdicts of Jackson's own STRICT_DUPLICATE_DETECTION. */
class UniqueKeysTest {
  /** A model with one known property: everything else is an unknown member Jackson skips. */
  static final class Job {
    @JsonProperty("id") public String id;
    @JsonProperty("result") public Map<String, Object> result;
  }

  private static final ObjectReader JOB = Json.mapper().readerFor(Job.class);
  private static final ObjectReader TREE = Json.mapper().readerFor(JsonNode.class)
      .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static Object read(ObjectReader reader, String json) throws IOException {
    try (UniqueKeys parser = UniqueKeys.of(reader.createParser(json))) {
      return reader.readValue(parser);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a known property twice                 | {"id":"a","id":"b"}                                  | id
      a map's key twice                      | {"id":"a","result":{"k":1,"k":2}}                     | k
      inside a skipped unknown member        | {"id":"a","other":{"deep":[{"x":1,"x":1}]}}            | x
      an unknown member twice                | {"other":1,"id":"a","other":1}                        | other
      the 33rd key repeats the 1st           | {"k1":0,"k2":0,"k3":0,"k4":0,"k5":0,"k6":0,"k7":0,"k8":0,"k9":0,"k10":0,"k11":0,"k12":0,"k13":0,"k14":0,"k15":0,"k16":0,"k17":0,"k18":0,"k19":0,"k20":0,"k21":0,"k22":0,"k23":0,"k24":0,"k25":0,"k26":0,"k27":0,"k28":0,"k29":0,"k30":0,"k31":0,"k32":0,"k1":0} | k1
      the 34th key repeats the 33rd          | {"k1":0,"k2":0,"k3":0,"k4":0,"k5":0,"k6":0,"k7":0,"k8":0,"k9":0,"k10":0,"k11":0,"k12":0,"k13":0,"k14":0,"k15":0,"k16":0,"k17":0,"k18":0,"k19":0,"k20":0,"k21":0,"k22":0,"k23":0,"k24":0,"k25":0,"k26":0,"k27":0,"k28":0,"k29":0,"k30":0,"k31":0,"k32":0,"k33":0,"k33":0} | k33
      the outer key after a nested object    | {"id":"a","result":{"id":"b"},"id":"c"}               | id
      """)
  void aRepeatedKeyFailsNamingIt(String what, String json, String key) {
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(JOB, json), what);
    assertEquals("Duplicate field '" + key + "'", e.getOriginalMessage());
    assertEquals(e.getOriginalMessage(), assertThrows(JsonProcessingException.class,
        () -> Json.mapper().readValue(json, Job.class)).getOriginalMessage(), "Jackson agrees: " + what);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      one key in sibling objects             | {"id":"a","result":{"k":{"x":1},"j":{"x":2}}}
      one key in objects of an array         | {"id":"a","other":[{"x":1},{"x":2},{"x":3}]}
      one key at every depth                 | {"id":"a","result":{"id":{"id":{"id":1}}}}
      keys with equal String hashes          | {"id":"a","result":{"Aa":1,"BB":2,"AaAa":3,"BBBB":4,"AaBB":5,"BBAa":6}}
      """)
  void keysThatDoNotRepeatWithinOneObjectAreRead(String what, String json) throws IOException {
    Job job = (Job) read(JOB, json);
    assertEquals("a", job.id, what);
  }

  @Test
  void aLargeObjectOfKeysWithEqualHashesIsReadAndItsRepeatFound() throws IOException {
    // 2^12 distinct keys with one String hash: a hostile server's attempt to make the check quadratic.
    List<String> keys = new ArrayList<>(List.of(""));
    for (int round = 0; round < 12; round++) {
      List<String> longer = new ArrayList<>();
      for (String k : keys) {
        longer.add(k + "Aa");
        longer.add(k + "BB");
      }
      keys = longer;
    }
    assertEquals(1, keys.stream().map(String::hashCode).distinct().count());
    StringBuilder json = new StringBuilder("{\"id\":\"a\",\"result\":{");
    for (String k : keys) {
      json.append('"').append(k).append("\":0,");
    }
    String unique = json.substring(0, json.length() - 1) + "}}";
    assertEquals(4096, ((Job) read(JOB, unique)).result.size());
    String repeated = json + "\"" + keys.get(4095) + "\":1}}";
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(JOB, repeated));
    assertEquals("Duplicate field '" + keys.get(4095) + "'", e.getOriginalMessage());
  }

  @Test
  void everyWayOfMovingOnIsChecked() throws IOException {
    String json = "{\"a\":{\"x\":1},\"b\":\"t\",\"c\":2,\"d\":3,\"e\":true,\"a\":0}";
    try (UniqueKeys p = UniqueKeys.of(TREE.createParser(json))) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertTrue(p.nextFieldName(new SerializedString("a")));
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertEquals(p, p.skipChildren());
      assertEquals(JsonToken.END_OBJECT, p.currentToken());
      assertEquals("b", p.nextFieldName());
      assertEquals("t", p.nextTextValue());
      assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextValue()); // "c", then 2
      assertEquals("d", p.nextFieldName());
      assertEquals(3L, p.nextLongValue(-1));
      assertFalse(p.nextFieldName(new SerializedString("x")));
      assertEquals(Boolean.TRUE, p.nextBooleanValue());
      JsonParseException e = assertThrows(JsonParseException.class, p::nextFieldName);
      assertEquals("Duplicate field 'a'", e.getOriginalMessage());
    }
    try (UniqueKeys p = UniqueKeys.of(TREE.createParser("{\"n\":1,\"m\":\"s\",\"n\":2}"))) {
      p.nextToken();
      assertEquals(-1, p.nextIntValue(-1)); // the name "n"
      assertEquals(1, p.nextIntValue(-1));
      assertNull(p.nextTextValue()); // the name "m"
      assertNull(p.nextBooleanValue()); // "s"
      assertThrows(JsonParseException.class, p::nextValue);
    }
  }

  @Test
  void aDocumentReadWhileAnotherIsOpenOnTheSameThreadHasItsOwnTables() throws IOException {
    try (UniqueKeys outer = UniqueKeys.of(TREE.createParser("{\"a\":1,\"b\":2,\"a\":3}"))) {
      outer.nextToken();
      outer.nextFieldName();
      assertEquals("{\"z\":1}", read(TREE, "{\"z\":1}").toString()); // would wipe the outer's "a" if shared
      outer.nextToken();
      assertEquals("b", outer.nextFieldName());
      outer.nextToken();
      assertThrows(JsonParseException.class, outer::nextFieldName);
    }
  }

  @Test
  void skippingNestedStructuresChecksThemAndEndsAtTheirEnd() throws IOException {
    String json = "{\"a\":{\"x\":[{\"y\":1},[2]],\"z\":{}},\"b\":1,\"c\":{\"q\":{\"r\":1,\"r\":2}}}";
    try (UniqueKeys p = UniqueKeys.of(TREE.createParser(json))) {
      p.nextToken();
      assertEquals(JsonToken.FIELD_NAME, p.nextToken());
      assertEquals(p, p.skipChildren(), "a name is not a structure: nothing skipped");
      assertEquals("a", p.currentName());
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      assertEquals(p, p.skipChildren());
      assertEquals(JsonToken.END_OBJECT, p.currentToken());
      assertEquals("b", p.nextFieldName(), "the skip ended with a's own object");
      p.nextToken();
      assertEquals("c", p.nextFieldName());
      p.nextToken();
      JsonParseException e = assertThrows(JsonParseException.class, p::skipChildren);
      assertEquals("Duplicate field 'r'", e.getOriginalMessage());
    }
  }

  @Test
  void closingClosesTheParser() throws IOException {
    UniqueKeys p = UniqueKeys.of(TREE.createParser("{}"));
    p.close();
    assertTrue(p.isClosed());
  }

  @Test
  void deepDocumentsAreCheckedAtEveryDepth() throws Exception {
    // On a new thread: its tables start at their first size and must grow (this thread's may have grown already).
    java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(() -> {
      checkDeepDocuments();
      return null;
    });
    Thread thread = new Thread(task, "unique-keys-deep");
    thread.start();
    try {
      task.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception c ? c : e;
    }
  }

  private static void checkDeepDocuments() throws IOException {
    StringBuilder deep = new StringBuilder();
    for (int d = 0; d < 40; d++) {
      deep.append("{\"k\":1,\"n").append(d).append("\":");
    }
    deep.append("{\"k\":1,\"k\":2}");
    deep.append("}".repeat(40));
    JsonParseException e = assertThrows(JsonParseException.class, () -> read(TREE, deep.toString()));
    assertEquals("Duplicate field 'k'", e.getOriginalMessage());
    String unique = deep.toString().replace("{\"k\":1,\"k\":2}", "{\"k\":1}");
    assertEquals(1, ((JsonNode) read(TREE, unique)).at("/n0/n1/n2/n3/n4/n5/n6/n7/n8/n9/n10/k").asInt());
  }

  /** Random documents, some with a key repeated somewhere: the same verdict as Jackson's own detection. */
  @Test
  void agreesWithJacksonOnRandomDocuments() throws IOException {
    Random random = new Random(17);
    int repeated = 0;
    for (int i = 0; i < 2000; i++) {
      String json = document(random, 0);
      boolean jackson = fails(() -> Json.mapper().readTree(json));
      boolean ours = fails(() -> read(TREE, json));
      assertEquals(jackson, ours, json);
      repeated += jackson ? 1 : 0;
    }
    assertTrue(repeated > 200 && repeated < 1800, "both verdicts are exercised: " + repeated + " of 2000 repeat");
  }

  private static String document(Random random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int keys = random.nextInt(depth == 0 ? 40 : 6);
    for (int k = 0; k < keys; k++) {
      if (k > 0) {
        out.append(',');
      }
      out.append("\"k").append(random.nextInt(depth == 0 ? 800 : 120)).append("\":");
      int kind = depth < 3 ? random.nextInt(4) : 0;
      if (kind == 1) {
        out.append(document(random, depth + 1));
      } else if (kind == 2) {
        out.append('[').append(document(random, depth + 1)).append(',').append(document(random, depth + 1)).append(']');
      } else {
        out.append(k);
      }
    }
    return out.append('}').toString();
  }

  private interface Read {
    void run() throws IOException;
  }

  private static boolean fails(Read read) throws IOException {
    try {
      read.run();
      return false;
    } catch (JsonProcessingException e) {
      assertTrue(e.getOriginalMessage().startsWith("Duplicate field '"), e.getOriginalMessage());
      return true;
    }
  }
}
