package vn.truc.routes.ops;

/** Where routes put their operational records; cheap to call on the data path. */
public interface OperationsLog {

  /** Records nothing: for routes run without a platform (benchmarks, tests). */
  OperationsLog NONE = op -> {};

  void record(Operation operation);
}
