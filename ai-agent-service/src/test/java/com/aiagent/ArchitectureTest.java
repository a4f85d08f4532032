package com.aiagent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The shape of DESIGN.md held by the build: one package per module (the store's implementations
 * beside it), modules reaching each other only through contracts, no package cycles, and the store
 * implementations named only by the store wiring. The root package is the wiring: it may name
 * anything. Violations that predate this test and belong to other modules are listed in {@link
 * #FROZEN} by name, so they are visible and no new ones creep in.
 */
@AnalyzeClasses(packages = "com.aiagent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String ROOT = "com.aiagent";

  /**
   * Modules whose every class is shared by all: the bus plumbing, the config, the log layout, the
   * metrics registry, and the one Vertex AI call factory that the embedding, writing and picture
   * providers share.
   */
  private static final Set<String> SHARED = Set.of("bus", "config", "logging", "metrics", "vertex");

  /**
   * Known reaches into another module's internals, as "from-module -> class". Each is the owning
   * module's to remove (then delete the line): a shared client or a contract for it.
   */
  static final Set<String> FROZEN =
      Set.of(
          // The Redis client is a verticle class of cache; feed, generation and embedding use it
          // directly (cache owner: expose a small cache client or contract).
          "embedding -> com.aiagent.cache.RedisCache",
          "feed -> com.aiagent.cache.RedisCache",
          "generation -> com.aiagent.cache.RedisCache",
          // The media path is written in media, generation and http (review 2026-12-02).
          "generation -> com.aiagent.media.MediaNames",
          "http -> com.aiagent.media.MediaNames",
          // Vector normalization is a store helper the embedders and taste updates borrow
          // (embedding, events owners: a shared vector-math class outside the store module).
          "embedding -> com.aiagent.store.VectorMath",
          "events -> com.aiagent.store.VectorMath");

  @ArchTest
  static final ArchRule onePackagePerModule =
      classes()
          .should(
              new ArchCondition<JavaClass>(
                  "reside in the root package, a module's package or the store's memory, pg, neo4j, vectorsearch or gcs") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  String pkg = item.getPackageName();
                  boolean ok =
                      pkg.equals(ROOT)
                          || pkg.startsWith(ROOT + ".") && pkg.indexOf('.', ROOT.length() + 1) < 0
                          || pkg.equals(ROOT + ".store.memory")
                          || pkg.equals(ROOT + ".store.pg")
                          || pkg.equals(ROOT + ".store.neo4j")
                          || pkg.equals(ROOT + ".store.vectorsearch")
                          || pkg.equals(ROOT + ".store.gcs");
                  if (!ok) {
                    events.add(
                        SimpleConditionEvent.violated(item, item.getName() + " is in " + pkg));
                  }
                }
              });

  @ArchTest
  static final ArchRule modulesReachEachOtherOnlyThroughContracts =
      classes()
          .that()
          .resideOutsideOfPackage(ROOT)
          .should(
              new ArchCondition<JavaClass>(
                  "use other modules only through their contracts (addresses, clients, records,"
                      + " enums, interfaces)") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                  String from = module(item);
                  for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = topLevel(dependency.getTargetClass().getBaseComponentType());
                    if (!target.getPackageName().startsWith(ROOT + ".")) {
                      continue;
                    }
                    String to = module(target);
                    if (to.equals(from) || SHARED.contains(to) || isContract(target)) {
                      continue;
                    }
                    if (!FROZEN.contains(from + " -> " + target.getName())) {
                      events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                  }
                }
              });

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.aiagent.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule storeImplementationsOnlyThroughTheWiring =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "com.aiagent.store.memory",
              "com.aiagent.store.pg",
              "com.aiagent.store.neo4j",
              "com.aiagent.store.vectorsearch",
              "com.aiagent.store.gcs")
          .and()
          .doNotHaveFullyQualifiedName(StoreWiring.class.getName())
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.aiagent.store.memory",
              "com.aiagent.store.pg",
              "com.aiagent.store.neo4j",
              "com.aiagent.store.vectorsearch",
              "com.aiagent.store.gcs");

  @ArchTest
  static final ArchRule theStoreContractNamesNoImplementation =
      noClasses()
          .that()
          .resideInAPackage("com.aiagent.store")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.aiagent.store.memory",
              "com.aiagent.store.pg",
              "com.aiagent.store.neo4j",
              "com.aiagent.store.vectorsearch",
              "com.aiagent.store.gcs");

  /** {@code store} for {@code com.aiagent.store.pg.PgStores}: the first package below the root. */
  static String module(JavaClass type) {
    String rest = type.getPackageName().substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass current = type;
    while (current.getEnclosingClass().isPresent()) {
      current = current.getEnclosingClass().get();
    }
    return current;
  }

  private static boolean isContract(JavaClass type) {
    String name = type.getSimpleName();
    boolean contractPackage =
        type.getPackageName().equals(ROOT + "." + module(type)); // not an implementation package
    return contractPackage
        && (type.isAssignableTo(Record.class)
            || type.isEnum()
            || type.isInterface()
            || name.endsWith("Addresses")
            || name.endsWith("Client"));
  }
}
