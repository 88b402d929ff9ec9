/** `npm run kb:check`: validates the knowledge base; exits 1 and names file, person and field on any problem. */
import { formatProblem, validateKnowledgeBase } from '../data/validate';
import { readKnowledgeBaseFiles } from './kb-files';

const { kb, problems } = validateKnowledgeBase(readKnowledgeBaseFiles());
if (!kb) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`kb:check: ${problems.length} problem(s)`);
  process.exit(1);
}
const statements = kb.people.flatMap((p) => p.quotes);
const count = (kind: string) => statements.filter((q) => q.kind === kind).length;
const actions = kb.people.reduce((n, p) => n + p.actions.length, 0);
console.log(
  `kb:check: ok, ${kb.sources.length} sources, ${kb.background.length} background statements, ` +
    `${kb.people.length} people, ${count('direct')} direct and ${count('partial')} partial quotes, ` +
    `${count('paraphrase')} paraphrases, ${actions} reports of actions`,
);
