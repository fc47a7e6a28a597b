// The content layer's public surface: level, solution, concept, quiz and campaign files.
// Every loader returns a value or every problem at file:line:col; none throws for bad input.
export {formatProblem, fileProblem, printable, renderPath, sortProblems, type ContentProblem, type Loaded} from './problem.js';
export {parseYaml, parseWith, loadWith, problemAt, MAX_PROBLEMS, type Parsed, type SourceMap} from './load.js';
export {MAX_FILE_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_NODES, FORBIDDEN_KEYS, readTextGuarded, describeFsError, formatBytes} from './guards.js';
export {parseLevel, parseSolution, loadLevelFile, loadSolutionFile, levelFromYaml, solutionFromYaml, type LevelOptions} from './files.js';
export {checkSolutionAgainst} from './against.js';
export {validateLevelFile, validateLevelYaml, levelRunProblems, type Simulate, type ValidateOptions, type ValidatedLevel} from './validate-level.js';
export {levelSemanticProblems} from './semantic.js';
export {loadCampaign, CAMPAIGN_FILE, type Campaign, type CampaignOptions} from './campaign.js';
export {loadConcepts, conceptsFile, shippedConcepts, shippedConceptIds} from './concepts.js';
export {levelSchema, DEFAULT_HORIZON_DAYS, DEFAULT_SEED, MAX_HORIZON_DAYS} from './schema-level.js';
export {solutionSchema} from './schema-solution.js';
export {tierSchema} from './schema-tier.js';
export type {ConceptCard, ConceptFact} from './schema-concepts.js';
export type {CampaignChapter} from './schema-campaign.js';
export {solutionToYaml} from './yaml-out.js';
export {assetsDir, levelsDir, packageRoot} from './paths.js';
export {EXAM_GUIDES, examOfTag, domainTitle, readiness, readinessLines, percent, type ExamGuide, type ExamDomainGuide, type ExamReadiness, type DomainReadiness, type AnswerRecord} from './exams.js';
export {quizBank, questionKey, conceptKey, textHash, filterBank, matchesFilter, type QuizBankItem, type QuizFilter} from './quiz-bank.js';
export {challengeSchema, isoTimeProblem, SCORING_METHODS, DEFAULT_PARETO_METRICS, MAX_CHALLENGE_LEVELS, MAX_PRIVATE_SEEDS, type Challenge, type ChallengeLevelEntry, type ScoringMethod} from './schema-challenge.js';
export {submissionSchema, type Submission, type SubmittedSolution} from './schema-submission.js';
export {parseChallenge, loadChallengeFile, parseSubmission, loadSubmissionFile, seedCommitment, publicChallenge, challengeToYaml, resolveChallengeLevels, type ChallengeLevel, type ResolveOptions} from './challenge.js';
