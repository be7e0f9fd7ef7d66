package vn.truc.platform.registry;

/** One version of a subject, in the shape Confluent clients read. */
public record RegisteredSchema(String subject, int version, int id, String schema) {}
