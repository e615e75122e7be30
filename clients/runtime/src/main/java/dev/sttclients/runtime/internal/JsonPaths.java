package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a JSON document something is, written as {@code items[0].status}. */
public final class JsonPaths {
  private JsonPaths() {}

  /** The path Jackson recorded in {@code e} (from the document's root); empty when it recorded none. */
  public static String of(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** {@code path} (as {@link #of} writes it) under {@code root}: {@code body.a}, {@code body[0]}, or {@code body}. */
  public static String under(String root, String path) {
    return path.isEmpty() ? root : path.startsWith("[") ? root + path : root + "." + path;
  }
}
