package io.supplyline.deploy.manifests;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The repository the manifests live in, and how its files are read. */
final class Repo {

    /** The two services, by module folder (which is also their container image name). */
    static final List<String> SERVICES = List.of("command-side", "query-side");

    /** The root: the system property the module's pom sets, by default two folders up from the module. */
    static final Path ROOT = Path.of(System.getProperty("supplyline.repo.root", "../..")).toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("deploy/compose");
    static final Path K8S = ROOT.resolve("deploy/k8s");

    // A key given twice in one mapping is an error, not "the last one wins".
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Repo() {
    }

    /** Every .yaml/.yml file under the folder, in a stable order. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (possibly multi-document) YAML file; empty documents are left out. */
    static List<JsonNode> documents(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + ROOT.relativize(file), e);
        }
        return documents;
    }

    /** The single document of a YAML file. */
    static JsonNode document(Path file) {
        List<JsonNode> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(ROOT.relativize(file) + " holds " + documents.size() + " documents, not 1");
        }
        return documents.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project version: the top-level pom's own {@code <version>} (its tag for the services' images). */
    static String projectVersion() {
        return topLevelPomChild("version");
    }

    /** A property of the top-level pom, e.g. {@code kafka.version}. */
    static String pomProperty(String name) {
        Element properties = childElement(topLevelPom(), "properties");
        return childElement(properties, name).getTextContent().trim();
    }

    private static String topLevelPomChild(String name) {
        return childElement(topLevelPom(), name).getTextContent().trim();
    }

    private static Element topLevelPom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read pom.xml under " + ROOT, e);
        }
    }

    /** A direct child element (not a descendant: the parent pom's {@code <version>} must not match). */
    private static Element childElement(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new IllegalStateException("no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
