package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a client's secrets (the API key, a proxy password) by {@code ****} in any text that came from a server
 * or from the HTTP stack before it reaches the user: exception messages, raw bodies, header values, causes, log
 * lines. Each secret is looked for as is, percent-encoded (as in a query string) and JSON-escaped (as a server
 * would echo it inside a JSON string).
 */
public final class Redactor {
  static final String MASK = "****";
  private final List<String> forms;

  public Redactor(String... secrets) {
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        all.add(s);
        all.add(PercentEncoding.query(s));
        all.add(new String(JsonStringEncoder.getInstance().quoteAsString(s)));
      }
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leftovers
    this.forms = List.copyOf(sorted);
  }

  /** {@code text} with every secret replaced by ****; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String f : forms) {
      out = out.replace(f, MASK);
    }
    return out;
  }

  /** True when {@code text} contains a secret. */
  public boolean leaks(String text) {
    if (text == null) {
      return false;
    }
    for (String f : forms) {
      if (text.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** Header values redacted; names (already lower case) kept. */
  public Map<String, List<String>> redact(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach((name, values) -> out.put(name, values.stream().map(this::redact).toList()));
    return out;
  }

  /**
   * {@code t} itself when neither its messages nor those of its causes contain a secret; otherwise a copy of the
   * chain whose messages are redacted (each link names the original class and keeps its stack trace).
   */
  public Throwable sanitize(Throwable t) {
    if (t == null || !leaks(fullText(t))) {
      return t;
    }
    Redacted copy = new Redacted(t.getClass().getName() + ": " + redact(t.getMessage()), sanitize(t.getCause()));
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }

  private static String fullText(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** A cause whose message had a secret in it. */
  static final class Redacted extends Exception {
    private static final long serialVersionUID = 1L;

    Redacted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
