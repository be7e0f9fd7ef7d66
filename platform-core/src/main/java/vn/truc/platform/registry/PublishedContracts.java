package vn.truc.platform.registry;

import jakarta.annotation.PostConstruct;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.truc.schemas.Contract;
import vn.truc.schemas.ContractCatalog;

/**
 * Puts every published version of every shipped contract into the registry, oldest first, before
 * any route runs: a ministry whose consumer was built against version 1 finds it under its id, and
 * a new version reaches the registry only through the same compatibility check as any other
 * registration.
 */
@Component
public class PublishedContracts {

  private static final Logger LOG = LoggerFactory.getLogger(PublishedContracts.class);

  private final SchemaRegistry registry;
  private final ContractCatalog catalog = ContractCatalog.standard();

  PublishedContracts(SchemaRegistry registry) {
    this.registry = registry;
  }

  @PostConstruct
  void register() {
    for (Contract contract : catalog.all()) {
      int id = 0;
      for (Schema version : contract.versions()) {
        id = registry.register(contract.subject(), version.toString());
      }
      LOG.info(
          "Contract {} ({} versions) under subject {}, current schema id {}",
          contract.name(),
          contract.versions().size(),
          contract.subject(),
          id);
    }
  }

  public ContractCatalog catalog() {
    return catalog;
  }
}
