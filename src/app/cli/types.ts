/** What a CLI command may touch: injected so tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for commands that take a file or stdin). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliCommand {
  /** The first word after `care-relay`, e.g. `sla`. */
  name: string;
  /** One line for `care-relay --help`. */
  summary: string;
  /** Full usage text, printed for `care-relay <name> --help` and on usage errors. */
  usage: string;
  /** Runs with the words after the command name; resolves to the exit code. */
  run: (args: string[], io: CliIo) => Promise<number>;
}
