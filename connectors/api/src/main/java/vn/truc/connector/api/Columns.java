package vn.truc.connector.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A row's values by column name, the names shared by every row of a batch: one array a row where a
 * hash map had a node per column. The rows of a batch are the bulk of what the data path holds, and
 * every young collection copied each of those nodes (docs/benchmarks.md). Read-only; null values
 * are allowed, as in the maps it replaces.
 */
public final class Columns extends AbstractMap<String, Object> {

  /**
   * The column names of a batch's rows, in order. A name given twice has one slot, and the later
   * value wins, as it did in a map.
   */
  public static final class Names {
    private final String[] names;
    private final Map<String, Integer> index;
    private final int[] slots;

    public Names(List<String> columns) {
      this.index = new HashMap<>(columns.size() * 2);
      this.slots = new int[columns.size()];
      for (int i = 0; i < columns.size(); i++) {
        Integer slot = index.putIfAbsent(columns.get(i), index.size());
        slots[i] = slot == null ? index.size() - 1 : slot;
      }
      this.names = new String[index.size()];
      index.forEach((name, slot) -> names[slot] = name);
    }

    /** The slot in a row's values of the {@code position}th name given. */
    public int slot(int position) {
      return slots[position];
    }

    /** The slot of a name in a row's values, or -1 when there is no such column. */
    public int slotOf(String name) {
      Integer slot = index.get(name);
      return slot == null ? -1 : slot;
    }

    /** How long a row's values are: the distinct names. */
    public int size() {
      return names.length;
    }

    /** A row of these columns; the array is the row's from now on. */
    public Columns row(Object[] values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException(
            values.length + " values for " + names.length + " columns");
      }
      return new Columns(this, values);
    }
  }

  private final Names names;
  private final Object[] values;

  private Columns(Names names, Object[] values) {
    this.names = names;
    this.values = values;
  }

  /** The names this row's values are in, shared with every row of its batch. */
  public Names names() {
    return names;
  }

  /**
   * The value in a slot of {@link #names()}: a reader of many rows finds the slots once and then
   * reads by position, without a lookup per value.
   */
  public Object value(int slot) {
    return values[slot];
  }

  @Override
  public Object get(Object key) {
    Integer slot = names.index.get(key);
    return slot == null ? null : values[slot];
  }

  @Override
  public boolean containsKey(Object key) {
    return names.index.containsKey(key);
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(names.names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names.names[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return values.length;
      }
    };
  }
}
