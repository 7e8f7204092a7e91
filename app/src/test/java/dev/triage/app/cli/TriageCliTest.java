package dev.triage.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.core.config.AppPaths;
import dev.triage.core.config.SettingsStore;
import dev.triage.core.i18n.LanguageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCliTest {

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    /** English unless a test says otherwise, whatever the machine's locale. */
    @BeforeEach
    void english() {
        language("en");
    }

    private void language(String tag) {
        new LanguageSettings(SettingsStore.load(paths().config().resolve("settings.properties"))).setLanguage(tag);
    }

    private AppPaths paths() {
        return AppPaths.under(home.resolve("app"));
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TriageCli.run(paths(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void listsEveryBuiltInPluginRunningAsTextAndJson() throws Exception {
        Run text = run("plugin", "list");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).containsPattern("about\\s+0\\.1\\.0\\s+RUNNING").containsPattern("casefiles\\s+0\\.1\\.0\\s+RUNNING");
        JsonNode json = new ObjectMapper().readTree(run("plugin", "list", "--format", "json").out());
        assertThat(json.findValuesAsText("state")).isNotEmpty().allMatch("RUNNING"::equals);
        assertThat(json.findValuesAsText("id")).contains("about", "casefiles");
    }

    @Test
    void runsAPluginCommandAndReportsUnknownOnesInOneLine() throws Exception {
        Run about = run("plugin", "run", "about", "--format", "json");
        assertThat(about.code()).isZero();
        assertThat(new ObjectMapper().readTree(about.out()).get("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
        Run unknown = run("plugin", "run", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("triage: no command 'nope': no plugin or command named 'nope'");
        Run badArg = run("plugin", "run", "about", "colour=red");
        assertThat(badArg.code()).isEqualTo(2);
        assertThat(badArg.err()).startsWith("triage: Bad arguments for 'about'").hasLineCount(1);
    }

    @Test
    void createsImportsAndDescribesACase() throws Exception {
        Path dir = home.resolve("incident");
        assertThat(run("case", "new", dir.toString(), "--name", "payments lag").code()).isZero();
        Path log = Files.writeString(home.resolve("error.log"), "a\nb\n");
        Run imp = run("case", "import", dir.toString(), log.toString());
        assertThat(imp.out().strip()).as(imp.err()).isEqualTo("imported 1 file(s), 2 row(s), 0 skipped"); // the log timeline reads both lines
        Run info = run("case", "info", dir.toString(), "--format", "json");
        JsonNode json = new ObjectMapper().readTree(info.out());
        assertThat(json.get("name").asText()).isEqualTo("payments lag");
        assertThat(json.get("imports").get(0).get("label").asText()).isEqualTo("error.log");
        Path out = home.resolve("report");
        Run report = run("case", "report", dir.toString(), "--out", out.toString());
        assertThat(report.code()).as(report.err()).isZero();
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).startsWith("# payments lag").contains("| error.log |", "| 4 |", "1 log files without time stamps")
                .doesNotContain("null");
        assertThat(new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("title").asText()).isEqualTo("payments lag");
    }

    @Test
    void aResultThatRendersItselfIsFlushedThroughABufferedTerminal() throws Exception {
        Path dir = home.resolve("sql-case");
        assertThat(run("case", "new", dir.toString()).code()).isZero();
        // System.out is buffered: text printed without a line end must still be flushed
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TriageCli.run(paths(), new PrintWriter(new java.io.BufferedWriter(out), true), new PrintWriter(err, true),
                "sql", "run", "SELECT 42 AS answer", "--case", dir.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("answer").contains("42").contains("1 row(s) in");
    }

    @Test
    void errorsPrintOneLineAndExitNonZero() {
        Run missing = run("case", "info", home.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("triage: Not a Triage case:").doesNotContain("\n");
        Run bad = run("case", "frobnicate");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).containsExactly("triage: unknown argument(s): frobnicate", "Try 'triage case --help'.");
        assertThat(run("--version").out()).startsWith("Triage 0.1.0");
        assertThat(run("--help").out()).contains("Usage: triage", "Open the window.", "Show this help message and exit.");
    }

    @Test
    void speaksChineseWhenTheSettingsSayZhCn() {
        language("zh-CN");
        assertThat(run("--help").out()).contains("用法：triage", "不带参数时打开窗口。", "显示此帮助信息并退出。", "命令：")
                .doesNotContain("Usage:", "Open the window.");
        assertThat(run("case", "new", "--help").out()).contains("案例文件夹。", "案例名称（默认：文件夹名）。", "输出格式：text, json, markdown（默认：text）。");
        Run unknown = run("plugin", "run", "nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("triage: 没有命令“nope”：没有名为“nope”的插件或命令");
        Run bad = run("case", "frobnicate");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines()).containsExactly("triage: 无法识别的参数：frobnicate", "请运行“triage case --help”查看用法。");
        assertThat(run("plugin", "list").out()).containsPattern("ID\\s+版本\\s+状态\\s+名称");
    }

    @Test
    void pluginCommandsRunAsSubcommandsWithPositionalFilesAndOptions() throws Exception {
        Path log = Files.writeString(home.resolve("slow.log"), String.join("\n",
                "# Time: 2024-03-01T10:00:00.000000Z",
                "# User@Host: app[app] @ localhost []  Id: 7",
                "# Query_time: 2.5  Lock_time: 0.1 Rows_sent: 1  Rows_examined: 100",
                "SET timestamp=1709287200;",
                "SELECT * FROM orders WHERE id = 42;",
                "# Time: 2024-03-01T10:00:01.000000Z",
                "# User@Host: app[app] @ localhost []  Id: 7",
                "# Query_time: 0.5  Lock_time: 0.0 Rows_sent: 1  Rows_examined: 10",
                "SET timestamp=1709287201;",
                "SELECT * FROM orders WHERE id = 7;", ""));
        Run digest = run("slowlog", "digest", log.toString(), "--limit", "5", "--format", "json");
        assertThat(digest.code()).as(digest.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(digest.out());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("fingerprint").asText()).isEqualTo("select * from orders where id = ?");
        assertThat(rows.get(0).get("count").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("queryTime").get("sum").asDouble()).isEqualTo(3.0);
        Run text = run("slowlog", "digest", log.toString());
        assertThat(text.out()).contains("select * from orders where id = ?", "# Profile", "# Query_time distribution")
                .containsPattern("(?m)^#\\s+1 0x[0-9A-F]{32}\\s+3s 100.0%\\s+2 ");
        Run markdown = run("slowlog", "digest", log.toString(), "--format", "markdown");
        assertThat(markdown.out()).startsWith("| Rank | Query ID |").contains("| --- |")
                .contains("| select * from orders where id = ? |", "```sql");
        Run badFormat = run("slowlog", "digest", log.toString(), "--format", "yaml");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("unknown --format", "markdown");
        Path dir = home.resolve("case");
        assertThat(run("case", "new", dir.toString()).code()).isZero();
        Path notes = Files.writeString(home.resolve("notes.txt"), "not a slow log\n");
        Run refused = run("slowlog", "import", notes.toString(), "--case", dir.toString());
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("notes.txt does not look like a MySQL, MariaDB or TiDB slow log");
        Run imported = run("slowlog", "import", log.toString(), "--case", dir.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("rows: 2");
        Run inCase = run("slowlog", "case-digest", "--case", dir.toString(), "--format", "json");
        assertThat(inCase.code()).as(inCase.err()).isZero();
        assertThat(new ObjectMapper().readTree(inCase.out()).get(0).get("count").asInt()).isEqualTo(2);
        Run help = run("slowlog");
        assertThat(help.out()).contains("digest", "compare", "--min-time");
        Run unknown = run("slowlog", "frob");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("try one of [case-compare, case-digest, compare, digest, import, show]");
        Run about = run("about", "--format", "json");
        assertThat(new ObjectMapper().readTree(about.out()).get("javaVersion").asText()).isEqualTo(System.getProperty("java.version"));
    }
}
