package dev.sttclients.cli;

import dev.sttclients.runtime.errors.JobFailedException;
import dev.sttclients.runtime.errors.RequestValidationException;
import dev.sttclients.runtime.errors.SttException;
import dev.sttclients.runtime.errors.WaiterTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code jobs}: speech-to-text jobs at every vendor from the command line. The entry point of the runnable jar
 * ({@code java -jar cli/target/jobs.jar}); {@link #run} runs it in-process (tests, the demo).
 *
 * <p>The command tree is picocli's: a command per vendor with a method per operation (see {@link VendorCommand}), and
 * {@code status} across vendors. Errors are mapped to the exit codes in one place, {@link #exitCode}.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = JobsCli.Version.class, synopsisSubcommandLabel = "COMMAND",
    description = "Speech-to-text jobs at Gladia, Daily, SLNG and Verbit: where is a job, wait for it, list, "
        + "download, delete, create and start.",
    subcommands = {StatusCommand.class, GladiaCommand.class, DailyCommand.class, SlngCommand.class,
        VerbitCommand.class, AutoComplete.GenerateCompletion.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:the job failed, was canceled or deleted (wait)",
        "2:usage error: bad arguments, a malformed id, no key, a file that cannot be read or written; nothing was sent",
        "3:API or HTTP error: the vendor answered with an error, or could not be reached",
        "4:timeout: the job was not done within --timeout (wait)"},
    footerHeading = "%nKeys:%n",
    footer = {"Each vendor's key comes from its environment variable (GLADIA_API_KEY, DAILY_API_KEY, SLNG_API_KEY, "
        + "VERBIT_API_KEY) or from --api-key-file FILE. There is no option taking the key itself (it would stay in "
        + "shell history), and the key is never printed."})
public final class JobsCli implements Callable<Integer> {
  static final int OK = 0;
  static final int JOB_FAILED = 1;
  static final int USAGE = 2;
  static final int API_ERROR = 3;
  static final int TIMEOUT = 4;
  /** Not one of the documented codes: a bug in this tool (sysexits' EX_SOFTWARE). */
  static final int INTERNAL = 70;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "On an error, also print its stack trace; log the clients' retries and polls on stderr.")
  boolean debug;

  private final CliContext context;
  private CommandLine commandLine;

  JobsCli(CliContext context) {
    this.context = context;
  }

  /** The runnable jar's entry point: runs with the process's streams and environment, and exits with the code. */
  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--debug"));
    System.exit(run(CliContext.system(), args));
  }

  /** Runs one command line in this process and returns its exit code; closes what the run opened. */
  public static int run(CliContext context, String... args) {
    try {
      return new JobsCli(context).commandLine().execute(args);
    } finally {
      context.close();
    }
  }

  /** The whole command tree, wired to this run's streams and error handling. */
  CommandLine commandLine() {
    if (commandLine == null) {
      CommandLine cl = new CommandLine(this);
      cl.setOut(context.out());
      cl.setErr(context.err());
      cl.registerConverter(Duration.class, new DurationConverter());
      cl.setCaseInsensitiveEnumValuesAllowed(true);
      cl.setParameterExceptionHandler(this::usageError);
      cl.setExecutionExceptionHandler((e, failed, parseResult) -> failure(e));
      commandLine = cl;
    }
    return commandLine;
  }

  CliContext context() {
    return context;
  }

  /** {@code jobs} alone: a usage error naming the commands. */
  @Override
  public Integer call() {
    throw missingCommand(commandLine());
  }

  /** "missing command: expected one of get, wait, ..." for a command that needs a subcommand. */
  static ParameterException missingCommand(CommandLine command) {
    return new ParameterException(command, "missing command: expected one of " + commandNames(command));
  }

  private static String commandNames(CommandLine command) {
    return command.getSubcommands().values().stream().distinct()
        .filter(c -> !c.getCommandSpec().usageMessage().hidden()).map(CommandLine::getCommandName)
        .collect(Collectors.joining(", "));
  }

  /**
   * The exit code for an exception, the one table scripts rely on (and {@code --help} shows): 1 the job failed, 2
   * a usage error (nothing sent), 3 the vendor answered with an error or could not be reached, 4 the wait's timeout.
   */
  static int exitCode(Throwable e) {
    if (e instanceof UsageException || e instanceof RequestValidationException || e instanceof ParameterException) {
      return USAGE;
    }
    if (e instanceof JobFailedException) {
      return JOB_FAILED;
    }
    if (e instanceof WaiterTimeoutException) {
      return TIMEOUT;
    }
    if (e instanceof SttException || e instanceof MissingAnswerException) {
      return API_ERROR;
    }
    return INTERNAL;
  }

  /** One line on stderr (the stack trace too with --debug); the exit code. */
  private int failure(Exception e) {
    int code = exitCode(e);
    String message = code == INTERNAL
        ? "internal error: " + e + (debug ? "" : " (run again with --debug to see where)")
        : e.getMessage();
    report(message, e);
    return code;
  }

  private int usageError(ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof UnmatchedArgumentException u && !where.getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-") && where.getParseResult().subcommand() == null) {
      String commands = commandNames(where);
      message = (where.getParent() == null ? "unknown vendor or command '" : "unknown command '")
          + u.getUnmatched().get(0) + "': expected one of " + commands;
    }
    report(message + " (see '" + where.getCommandSpec().qualifiedName() + " --help')", e);
    return USAGE;
  }

  private void report(String message, Throwable e) {
    PrintWriter err = context.err();
    err.println("jobs: " + Text.clean(message));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /**
   * Logging for the runnable jar: warnings only on stderr (Hibernate Validator's and the clients' INFO lines would
   * break the one-line-per-error rule), the clients' retries and polls too with --debug. Kept if already set.
   */
  static void configureLogging(boolean debug) {
    setIfAbsent("org.jboss.logging.provider", "slf4j");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (debug) {
      setIfAbsent("org.slf4j.simpleLogger.log.dev.sttclients", "debug");
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The tool's version, from the build. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = JobsCli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException ignored) {
      // no version: "unknown"
    }
    return p.getProperty("version", "unknown");
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"jobs " + version() + " (stt-clients; java " + System.getProperty("java.version") + ")"};
    }
  }
}
