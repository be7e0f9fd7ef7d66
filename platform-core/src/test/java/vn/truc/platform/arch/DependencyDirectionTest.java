package vn.truc.platform.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: schemas <- connector API <- connectors, routes <- platform. A
 * connector never sees routes or the platform; routes never see a concrete connector.
 */
class DependencyDirectionTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("vn.truc");

  @Test
  void modulesDependOnlyDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Schemas")
        .definedBy("vn.truc.schemas..", "vn.truc.contract..")
        .layer("ConnectorApi")
        .definedBy("vn.truc.connector.api..")
        .layer("Connectors")
        .definedBy("vn.truc.connector.jdbc..", "vn.truc.connector.file..")
        .layer("Routes")
        .definedBy("vn.truc.routes..")
        .layer("Platform")
        .definedBy("vn.truc.platform..")
        .whereLayer("Platform")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Routes")
        .mayOnlyBeAccessedByLayers("Platform")
        .whereLayer("Connectors")
        .mayOnlyBeAccessedByLayers("Platform")
        .whereLayer("ConnectorApi")
        .mayOnlyBeAccessedByLayers("Connectors", "Routes", "Platform")
        .check(classes);
  }
}
