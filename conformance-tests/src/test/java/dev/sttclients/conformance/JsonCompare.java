package dev.sttclients.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * JSON equality for round trips: same fields (explicit null and absent stay different), numbers compared by
 * value, date-times compared as instants (the page's "…17.210Z" comes back as "…17.21Z").
 * Returns null when equal, else the first difference.
 */
final class JsonCompare {
  private JsonCompare() {}

  static String diff(JsonNode expected, JsonNode actual, String path) {
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      expected.fieldNames().forEachRemaining(names::add);
      actual.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        if (!expected.has(n)) {
          return path + "." + n + ": absent in the example but " + actual.get(n) + " after the round trip";
        }
        if (!actual.has(n)) {
          return path + "." + n + ": " + expected.get(n) + " in the example but absent after the round trip";
        }
        String d = diff(expected.get(n), actual.get(n), path + "." + n);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return path + ": " + expected.size() + " items in the example, " + actual.size() + " after";
      }
      Iterator<JsonNode> a = actual.elements();
      int i = 0;
      for (JsonNode e : expected) {
        String d = diff(e, a.next(), path + "[" + i++ + "]");
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
          : path + ": " + expected + " became " + actual;
    }
    if (expected.isTextual() && actual.isTextual() && !expected.equals(actual)) {
      try {
        if (OffsetDateTime.parse(expected.asText()).toInstant().equals(OffsetDateTime.parse(actual.asText()).toInstant())) {
          return null;
        }
      } catch (DateTimeParseException notADateTime) {
        // fall through
      }
    }
    return expected.equals(actual) ? null : path + ": " + expected + " became " + actual;
  }

}
