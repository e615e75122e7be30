package dev.sttclients.runtime.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;

/**
 * A parser that fails on a key repeated within one JSON object ({@code Duplicate field 'id'}), as Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} does, without its cost: Jackson makes a new {@code HashSet} for every object of
 * three keys or more (~3.7 KB per Gladia job); this keeps one table per nesting level, reused for the thread's next
 * document. Every way a reader moves the parser on ({@code nextToken}, {@code nextFieldName}, {@code nextValue},
 * {@code skipChildren}, {@code next*Value}) goes through {@link #nextToken()} or is checked after the delegate's
 * own step, so skipped (unknown) members are checked too.
 *
 * <p>Up to {@value #SMALL} keys an object's names go to a small reused hash table; past that to a {@code HashSet}
 * (whose tree bins keep keys with equal hashes, which a hostile server can forge, from going quadratic).
 */
public final class UniqueKeys extends JsonParserDelegate {
  static final int SMALL = 32;
  private static final ThreadLocal<Levels> LEVELS = ThreadLocal.withInitial(Levels::new);

  private final Levels levels;
  private int depth;
  /** The names of the innermost open object (depth 0: outside any object, never added to). */
  private Names names;

  private UniqueKeys(JsonParser parser, Levels levels) {
    super(parser);
    this.levels = levels;
    this.names = levels.at(0);
  }

  /** {@code parser} checked for repeated keys here instead of by itself; {@link #close()} it when done. */
  public static UniqueKeys of(JsonParser parser) {
    parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    Levels levels = LEVELS.get();
    if (levels.inUse) {
      levels = new Levels(); // a document read while another is being read on this thread: its own tables
    }
    levels.inUse = true;
    return new UniqueKeys(parser, levels);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    return check(delegate.nextToken());
  }

  @Override
  public String nextFieldName() throws IOException {
    String name = delegate.nextFieldName();
    if (name != null) {
      added(name); // the common case: no second look at the token
    } else {
      check(delegate.currentToken());
    }
    return name;
  }

  @Override
  public boolean nextFieldName(SerializableString expected) throws IOException {
    boolean matched = delegate.nextFieldName(expected);
    check(delegate.currentToken());
    return matched;
  }

  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.FIELD_NAME ? nextToken() : t;
  }

  @Override
  public String nextTextValue() throws IOException {
    return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
  }

  @Override
  public int nextIntValue(int otherwise) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : otherwise;
  }

  @Override
  public long nextLongValue(long otherwise) throws IOException {
    return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : otherwise;
  }

  @Override
  public Boolean nextBooleanValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
  }

  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken t = currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while ((t = nextToken()) != null) { // bounded by the document (the body is capped, nesting by Jackson)
      if (t.isStructStart()) {
        open++;
      } else if (t.isStructEnd() && --open == 0) {
        break;
      }
    }
    return this;
  }

  @Override
  public void close() throws IOException {
    try {
      delegate.close();
    } finally {
      levels.inUse = false;
    }
  }

  private JsonToken check(JsonToken t) throws IOException {
    if (t == JsonToken.FIELD_NAME) {
      added(delegate.currentName());
    } else if (t == JsonToken.START_OBJECT) {
      names = levels.at(++depth);
      names.clear();
    } else if (t == JsonToken.END_OBJECT) {
      names = levels.at(--depth);
    }
    return t;
  }

  private void added(String name) throws JsonParseException {
    if (!names.add(name)) {
      throw new JsonParseException(this, "Duplicate field '" + name + "'");
    }
  }

  /** One table of names per open object, by depth; grows to the deepest document the thread has read. */
  private static final class Levels {
    private Names[] byDepth = new Names[8];
    private boolean inUse;

    Names at(int depth) {
      if (depth >= byDepth.length) { // depth grows one at a time: doubling always makes room
        byDepth = Arrays.copyOf(byDepth, byDepth.length * 2);
      }
      Names names = byDepth[depth];
      if (names == null) {
        names = byDepth[depth] = new Names();
      }
      return names;
    }
  }

  /** The keys of one object so far: an open-addressed table at most half full, then a {@code HashSet}. */
  private static final class Names {
    private static final int SLOTS = 2 * SMALL;
    private final String[] slots = new String[SLOTS];
    private final int[] used = new int[SMALL];
    private int size;
    private HashSet<String> many;

    void clear() {
      for (int i = 0; i < size; i++) {
        slots[used[i]] = null;
      }
      size = 0;
      many = null;
    }

    /** False if {@code name} is already there. */
    boolean add(String name) {
      if (many != null) {
        return many.add(name);
      }
      int hash = name.hashCode();
      int i = (hash ^ (hash >>> 16)) & (SLOTS - 1);
      for (String seen; (seen = slots[i]) != null; i = (i + 1) & (SLOTS - 1)) { // never full: size <= SLOTS / 2
        if (seen.equals(name)) {
          return false;
        }
      }
      if (size == SMALL) { // a new name past the table's share: every name of this object goes to a set
        many = new HashSet<>(4 * SMALL);
        for (int k = 0; k < size; k++) {
          many.add(slots[used[k]]);
        }
        many.add(name);
        return true;
      }
      slots[i] = name;
      used[size++] = i;
      return true;
    }
  }
}
