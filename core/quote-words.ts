/**
 * The words the quotation finder reads cues with (core/quotations.ts), kept as data so that a new
 * verb or title is one line here, not a new rule. All folded (lower case), one word each.
 */

/** Verbs that report speech or writing: "said", "warned", "told", and their forms (English, Russian, Ukrainian). */
export const SPEECH_VERBS: readonly string[] = `
  say says said saying tell tells told telling add adds added adding note notes noted noting
  warn warns warned warning argue argues argued arguing explain explains explained explaining
  stress stresses stressed stressing insist insists insisted insisting write writes wrote writing
  post posts posted tweet tweets tweeted declare declares declared declaring announce announces announced
  state states stated claim claims claimed claiming ask asks asked asking reply replies replied replying
  respond responds responded responding answer answers answered continue continues continued
  recall recalls recalled acknowledge acknowledges acknowledged acknowledging admit admits admitted
  concede concedes conceded confirm confirms confirmed caution cautions cautioned cautioning
  predict predicts predicted suggest suggests suggested suggesting emphasize emphasizes emphasized
  emphasise emphasises emphasised emphasizing emphasising underline underlines underlined underscored
  observe observes observed remark remarks remarked comment comments commented conclude concludes concluded
  complain complains complained joke jokes joked quip quips quipped vow vows vowed pledge pledges pledged
  urge urges urged demand demands demanded counter counters countered retort retorts retorted
  lament laments lamented boast boasts boasted affirm affirms affirmed reiterate reiterates reiterated
  maintain maintains maintained contend contends contended assert asserts asserted describe describes
  described describing call calls called calling characterize characterizes characterized characterise
  characterises characterised dub dubs dubbed label labels labelled labeled brand brands branded term
  terms termed echo echoes echoed agree agrees agreed wonder wonders wondered muse muses mused
  snap snapped fume fumed shout shouted whisper whispered express expresses expressed expressing
  quoted accuse accuses accused accusing speak speaks spoke spoken point points pointed indicate indicates indicated reckon reckons reckoned predicted testify testified tells
  сказал сказала сказали заявил заявила заявили отметил отметила подчеркнул подчеркнула добавил добавила
  пояснил пояснила сообщил сообщила написал написала уточнил уточнила признал признала заверил заверила
  ответил ответила говорит заявляет считает сказав заявив зазначив зазначила додав додала наголосив
  наголосила підкреслив підкреслила повідомив повідомила написав написала заявила сказала каже заявляє
`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Nouns for something said ("the blunt verdict", "Boyechko’s bottom line", "a further warning"): the
 * person who delivers one is speaking, as with a verb.
 */
export const SPEECH_NOUNS: readonly string[] = `
  verdict assessment warning warnings statement message remarks comments words reply response answer
  prediction conclusion argument critique criticism readout line post tweet appeal plea vow pledge
  promise claim quip retort speech announcement testimony view views account explanation forecast
  interview
`
  .split(/\s+/)
  .filter(Boolean);

/**
 * The head nouns of a description of one person ("the Kremlin aide", "the Ukrainian president"). A
 * definite one refers back to the last person it fits; an indefinite one ("a senior official") is
 * someone unnamed.
 */
export const PERSON_NOUNS: readonly string[] = `
  president leader aide adviser advisor envoy spokesman spokeswoman spokesperson minister secretary
  official diplomat negotiator ambassador analyst expert fellow chief head chancellor premier senator
  lawmaker governor mayor general commander director ceo founder chairman chairwoman economist
  strategist scholar professor researcher officer emissary representative deputy counterpart
  politician billionaire mogul developer businessman businesswoman congressman congresswoman
  interlocutor negotiators
`
  .split(/\s+/)
  .filter(Boolean);

/** Nouns for groups, bodies and outlets: a quotation they are cued to has no named speaker. */
export const GROUP_NOUNS: readonly string[] = `
  officials diplomats analysts aides advisers advisors sources experts observers critics lawmakers
  leaders ministers envoys negotiators people residents witnesses spokesmen ministry government
  administration kremlin office statement report reports agency outlet outlets newspaper media
  committee council delegation delegations team sides side governments capitals others some many
  watchers insiders allies partners officers authorities army military police embassy
`
  .split(/\s+/)
  .filter(Boolean);

/** Words between a speaker and the verb that leave the speaker the subject ("Putin himself had previously indicated"). */
export const FILLER_WORDS: readonly string[] = `
  has have had was is were are would will could can did does also then later further again once
  himself herself itself themselves still already even just never often repeatedly reportedly
  previously recently earlier publicly privately explicitly separately flatly bluntly tersely
  simply openly meanwhile yet too not
`
  .split(/\s+/)
  .filter(Boolean);

/** Titles that may stand in front of a name without being part of it (stripped from a speaker's name). */
export const TITLE_WORDS: readonly string[] = `
  president vice prime minister secretary senator sen rep representative governor gov mayor ambassador
  envoy special adviser advisor aide spokesman spokeswoman spokesperson chancellor chief director general
  gen admiral colonel col lieutenant captain commander dr doctor prof professor mr mrs ms miss sir dame
  lord lady judge justice speaker leader chairman chairwoman commissioner deputy foreign defence defense
  finance press kremlin fellow analyst ceo founder head negotiator diplomat official former senior state
  us u.s uk u.k eu nato un white house russian ukrainian american french british german estonian
`
  .split(/\s+/)
  .filter(Boolean);
