// web-ext ships no type declarations: the part of its programmatic API that the tests use.
declare module 'web-ext' {
  export interface LintMessage {
    _type: 'error' | 'warning' | 'notice';
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  export interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  }
  export interface LintParams {
    sourceDir: string;
    output?: 'text' | 'json' | 'none';
    boring?: boolean;
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
    ignoreFiles?: string[];
  }
  const webExt: {
    cmd: {
      lint(params: LintParams, options?: { shouldExitProgram?: boolean }): Promise<LintResult>;
    };
  };
  export default webExt;
}
