package cnibench.source;

/** A loaded YAML container that knows where it and each of its entries stand. */
public interface Positioned {
    Position position();

    /** Position of an entry: a key of a map or an index of a list; the container's own when unknown. */
    Position positionOf(Object keyOrIndex);
}
