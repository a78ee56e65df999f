package jp.tsunagari;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Small parts a newcomer can read: no source file of the application over {@value #MAX_FILE_LINES} lines and no
 * method or constructor over {@value #MAX_METHOD_LINES} lines (from its first annotation or modifier to its closing
 * brace). The sources are parsed with the JDK's own compiler ({@code com.sun.source}), not matched with patterns.
 */
class CodeSizeTest {

    static final int MAX_FILE_LINES = 300;
    static final int MAX_METHOD_LINES = 50;
    /**
     * Known and still to be split, each with the reason; the list may only shrink (a file listed here that is within
     * the limits fails the test until it is removed from the list).
     */
    static final Set<String> KNOWN = Set.of();

    @Test
    void noFileOrMethodIsTooLong() throws IOException {
        List<String> problems = problems(Path.of("src/main/java"));
        assertThat(problems.stream().filter(p -> KNOWN.stream().noneMatch(p::startsWith)))
                .as("parts over the limits").isEmpty();
        assertThat(KNOWN).as("known parts over the limits that are within them now: take them off the list")
                .allMatch(known -> problems.stream().anyMatch(p -> p.startsWith(known)));
    }

    @Test
    void findsATooLongMethod(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        StringBuilder source = new StringBuilder("package x;\nclass Long {\n    void tooLong() {\n");
        for (int i = 0; i < MAX_METHOD_LINES; i++) {
            source.append("        System.out.println(").append(i).append(");\n");
        }
        source.append("    }\n    void shortOne() {\n    }\n}\n");
        Files.writeString(dir.resolve("Long.java"), source);

        assertThat(problems(dir)).containsExactly("Long.java: method tooLong has " + (MAX_METHOD_LINES + 2) + " lines");
    }

    static List<String> problems(Path folder) throws IOException {
        Path root = folder.toAbsolutePath();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            long lines = Files.readAllLines(file, StandardCharsets.UTF_8).size();
            if (lines > MAX_FILE_LINES) {
                problems.add(root.relativize(file) + ": " + lines + " lines");
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(null, manager, d -> { }, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                String name = root.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                new MethodLengths(unit, positions, name, problems).scan(unit, null);
            }
        }
        return problems;
    }

    private static final class MethodLengths extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final String file;
        private final List<String> problems;

        MethodLengths(CompilationUnitTree unit, SourcePositions positions, String file, List<String> problems) {
            this.unit = unit;
            this.positions = positions;
            this.file = file;
            this.problems = problems;
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            LineMap lines = unit.getLineMap();
            long first = lines.getLineNumber(positions.getStartPosition(unit, method));
            long last = lines.getLineNumber(positions.getEndPosition(unit, method));
            if (last - first + 1 > MAX_METHOD_LINES) {
                String name = method.getName().contentEquals("<init>") ? "constructor" : "method " + method.getName();
                problems.add(file + ": " + name + " has " + (last - first + 1) + " lines");
            }
            return super.visitMethod(method, unused);
        }
    }
}
