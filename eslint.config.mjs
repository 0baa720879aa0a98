// ESLint flat config. The one rule that matters most: src/core/ must not depend on 'vscode', so the
// core runs in the extension, the CLI, the browser and plain-Node unit tests alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', '.vscode-test-offline/**', 'sample/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core/ must not depend on vscode: pass what it needs through an interface.' }],
          patterns: [{ group: ['**/vscode/**', '**/features/**', '**/extension'], message: 'src/core/ must not import the VS Code edge.' }],
        },
      ],
    },
  },
  {
    // Each feature is a leaf: shared edge helpers live in src/vscode/, and only extension.ts wires features.
    files: ['src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['./*', '../features/*'], message: 'A feature does not import another feature: move what both need to src/vscode/.' }] }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
  },
);
