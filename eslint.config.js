import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const NEXT_LINK = { name: 'next/link', message: "Use '@/components/ui/link': it prefetches on intent, so pages settle as soon as they load." };

const config = [
  ...nextVitals,
  ...nextTypescript,
  { ignores: ['lib/generated/**', '.next/**', '.next-*/**', '.data/**', 'node_modules/**', 'next-env.d.ts', 'test-results/**'] },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/**', 'components/**'],
    ignores: ['components/ui/link.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [NEXT_LINK] }] },
  },
  {
    // Components render; the app layer owns routes and server actions and hands actions down as props.
    files: ['components/**'],
    ignores: ['components/ui/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [NEXT_LINK], patterns: [{ group: ['@/app/*', '!@/app/*.css'], message: 'Components do not import from app/: take server actions as props.' }] },
      ],
    },
  },
];

export default config;
