package dev.sttclients.runtime.internal;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.core5.http.Header;

/**
 * A response's headers as an immutable map from lower-cased names to their values in order, made from HttpClient's
 * headers only when a caller looks at more than single names: most calls never do, and the few lookups every call
 * makes ({@code content-type}, the request id) go through {@link #get}, which reads the headers without making the
 * map.
 */
public final class ResponseHeaders extends AbstractMap<String, List<String>> {
  private final Header[] headers;
  /** The headers' names in lower case, by index. */
  private final String[] names;
  /** Made on first use; immutable, so a race between threads makes it twice at worst. */
  private Map<String, List<String>> map;

  /** {@code headers} as HttpClient returns them (a copy of the response's); not copied again. */
  public ResponseHeaders(Header[] headers) {
    this.headers = headers;
    this.names = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      names[i] = headers[i].getName().toLowerCase(Locale.ROOT); // the same string when already in lower case
    }
  }

  /** The values of the header named {@code key} (in lower case), in order; null when there is none. */
  @Override
  public List<String> get(Object key) {
    Map<String, List<String>> m = map;
    if (m != null) {
      return m.get(key);
    }
    if (!(key instanceof String name)) {
      return null;
    }
    List<String> values = null;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        values = values == null ? List.of(headers[i].getValue()) : plus(values, headers[i].getValue());
      }
    }
    return values;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return map().size();
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return map().entrySet();
  }

  private Map<String, List<String>> map() {
    Map<String, List<String>> m = map;
    if (m == null) {
      map = m = build();
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private Map<String, List<String>> build() {
    Map.Entry<String, List<String>>[] entries = new Map.Entry[headers.length];
    int n = 0;
    outer:
    for (int k = 0; k < headers.length; k++) {
      for (int i = 0; i < n; i++) {
        if (entries[i].getKey().equals(names[k])) {
          entries[i] = Map.entry(names[k], plus(entries[i].getValue(), headers[k].getValue()));
          continue outer;
        }
      }
      entries[n++] = Map.entry(names[k], List.of(headers[k].getValue()));
    }
    return Map.ofEntries(n == entries.length ? entries : Arrays.copyOf(entries, n));
  }

  /** A repeated header's values (rare): {@code values} then {@code value}. */
  private static List<String> plus(List<String> values, String value) {
    List<String> more = new ArrayList<>(values);
    more.add(value);
    return List.copyOf(more);
  }
}
