/** `npm run kb:check`: validates the knowledge base; exits 1 and names file, person and field on any problem. */
import { formatProblem, validateKnowledgeBase } from '../data/validate';
import { readKnowledgeBaseFiles } from './kb-files';

const { kb, problems } = validateKnowledgeBase(readKnowledgeBaseFiles());
if (!kb) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`kb:check: ${problems.length} problem(s)`);
  process.exit(1);
}
const quotes = kb.people.reduce((n, p) => n + p.quotes.length, 0);
console.log(
  `kb:check: ok, ${kb.sources.length} sources, ${kb.people.length} people, ${quotes} quoted positions`,
);
