package vn.truc.schemas;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.truc.contract.AdministrativeUnit;
import vn.truc.contract.Citizen;
import vn.truc.contract.CivilServant;

/**
 * The contracts this build ships, each with its published versions (src/main/contracts). New
 * contracts are added here once, by their generated class; ContractHistoryTest keeps the class and
 * the latest published version equal.
 */
public final class ContractCatalog {

  private final Map<String, Contract> byName = new LinkedHashMap<>();

  private ContractCatalog() {}

  public static ContractCatalog standard() {
    ContractCatalog catalog = new ContractCatalog();
    for (Class<?> generated :
        List.of(CivilServant.class, Citizen.class, AdministrativeUnit.class)) {
      catalog.add(Contract.of(ContractHistory.versions(generated.getSimpleName())));
    }
    return catalog;
  }

  private void add(Contract contract) {
    byName.put(contract.name(), contract);
  }

  public Optional<Contract> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Contract get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown contract '" + name + "'; known: " + byName.keySet()));
  }

  public Collection<Contract> all() {
    return byName.values();
  }
}
