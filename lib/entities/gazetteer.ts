// Well-known names that compromise's lexicon lacks or mis-tags. Not about any one story: a reader's
// news is full of these. The corpus adds the names its own articles use (see CorpusIndex.names).
import type { EntityKind } from '../types';

const ORGANIZATIONS = [
  'OpenAI', 'xAI', 'SoftBank', 'Oracle', 'Microsoft', 'Nvidia', 'Arm', 'MGX', 'Tesla', 'SpaceX', 'X', 'Twitter',
  'Google', 'Alphabet', 'DeepMind', 'Apple', 'Amazon', 'Meta', 'Facebook', 'Instagram', 'WhatsApp', 'YouTube',
  'Anthropic', 'Mistral AI', 'Salesforce', 'IBM', 'Intel', 'AMD', 'Qualcomm', 'Samsung', 'TSMC', 'Huawei', 'Baidu',
  'Alibaba', 'Tencent', 'ByteDance', 'TikTok', 'Netflix', 'Uber', 'Airbnb', 'Palantir', 'Cisco', 'Dell', 'HP',
  'Boeing', 'Airbus', 'Ford', 'General Motors', 'Toyota', 'Volkswagen', 'BMW', 'Stellantis', 'ExxonMobil', 'Chevron',
  'Shell', 'BP', 'Goldman Sachs', 'JPMorgan', 'JPMorgan Chase', 'Morgan Stanley', 'BlackRock', 'Citigroup',
  'Bank of America', 'Wells Fargo', 'Berkshire Hathaway', 'Pfizer', 'Moderna', 'Walmart', 'Disney', 'Coca-Cola',
  'Reuters', 'Bloomberg', 'CNBC', 'CNN', 'BBC', 'Fox News', 'The New York Times', 'The Washington Post',
  'The Wall Street Journal', 'The Guardian', 'The Information', 'Associated Press', 'The Register', 'Politico',
  'White House', 'Congress', 'Senate', 'Pentagon', 'Federal Reserve', 'European Union', 'United Nations', 'NATO',
  'World Health Organization', 'World Bank', 'International Monetary Fund', 'IMF', 'FBI', 'CIA', 'NASA', 'SEC',
  'Federal Trade Commission', 'FTC', 'Department of Justice', 'Supreme Court', 'World Economic Forum',
  'Republican Party', 'Democratic Party', 'Labour', 'Conservative Party', 'Azure', 'ChatGPT', 'Copilot',
];

const PLACES = [
  'United States', 'U.S.', 'US', 'USA', 'America', 'United Kingdom', 'U.K.', 'UK', 'Britain', 'England', 'Scotland',
  'Wales', 'Ireland', 'France', 'Germany', 'Italy', 'Spain', 'Portugal', 'Netherlands', 'Belgium', 'Switzerland',
  'Austria', 'Poland', 'Ukraine', 'Russia', 'China', 'Japan', 'South Korea', 'North Korea', 'India', 'Pakistan',
  'Israel', 'Iran', 'Iraq', 'Syria', 'Saudi Arabia', 'United Arab Emirates', 'UAE', 'Qatar', 'Egypt', 'Turkey',
  'Canada', 'Mexico', 'Brazil', 'Argentina', 'Australia', 'New Zealand', 'South Africa', 'Nigeria', 'Kenya',
  'Taiwan', 'Singapore', 'Indonesia', 'Vietnam', 'Europe', 'Asia', 'Africa', 'Middle East', 'Silicon Valley',
  'Texas', 'California', 'New York', 'Florida', 'Tennessee', 'Washington', 'Virginia', 'Ohio', 'Arizona', 'Nevada',
  'Georgia', 'Illinois', 'Michigan', 'Pennsylvania', 'Massachusetts', 'Abilene', 'Memphis', 'Davos', 'London',
  'Paris', 'Berlin', 'Brussels', 'Tokyo', 'Beijing', 'Shanghai', 'Hong Kong', 'Moscow', 'Kyiv', 'Jerusalem',
  'San Francisco', 'Los Angeles', 'Chicago', 'Boston', 'Seattle', 'Austin', 'Houston', 'Dallas', 'Miami',
];

const PEOPLE = [
  'Elon Musk', 'Sam Altman', 'Donald Trump', 'Joe Biden', 'Satya Nadella', 'Larry Ellison', 'Masayoshi Son',
  'Jensen Huang', 'Sundar Pichai', 'Tim Cook', 'Mark Zuckerberg', 'Jeff Bezos', 'Bill Gates', 'Marc Benioff',
  'Kamala Harris', 'Barack Obama', 'Vladimir Putin', 'Xi Jinping', 'Volodymyr Zelensky', 'Emmanuel Macron',
  'Keir Starmer', 'Rishi Sunak', 'Narendra Modi', 'Benjamin Netanyahu', 'Mustafa Suleyman', 'Dario Amodei',
];

export const GAZETTEER: ReadonlyMap<string, EntityKind> = new Map<string, EntityKind>([
  ...ORGANIZATIONS.map((n) => [n, 'organization'] as const),
  ...PLACES.map((n) => [n, 'place'] as const),
  ...PEOPLE.map((n) => [n, 'person'] as const),
]);

/** Names that stand for another, canonical one. */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  ['U.S.', 'United States'],
  ['US', 'United States'],
  ['USA', 'United States'],
  ['America', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['UK', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['UAE', 'United Arab Emirates'],
  ['Twitter', 'X'],
  ['Facebook', 'Meta'],
  ['JPMorgan Chase', 'JPMorgan'],
  ['IMF', 'International Monetary Fund'],
  ['FTC', 'Federal Trade Commission'],
]);

/** Titles and roles that precede a name but are not part of it ("OpenAI CEO Sam Altman"). */
export const ROLE_WORDS = new Set(
  (
    'CEO CFO CTO COO Chief Executive Officer President Vice Chairman Chairwoman Chair Founder Co-founder Cofounder ' +
    'Minister Prime Secretary Senator Sen Rep Representative Governor Gov Mayor Judge Justice General Gen Director ' +
    'Spokesman Spokeswoman Spokesperson Analyst Professor Prof Dr Mr Mrs Ms Sir Dame King Queen Prince Princess ' +
    'Pope Chancellor Ambassador Commissioner Head Leader Adviser Advisor Editor Reporter Executive Manager Partner ' +
    'Meteorologist Economist Strategist Scientist Researcher Engineer Officer Coach Captain Capt Commander Colonel Col ' +
    'Lieutenant Lt Sergeant Sgt Sheriff Deputy Superintendent Inspector Detective Attorney Prosecutor Lawyer Trooper ' +
    'Administrator Councilmember Councilman Councilwoman Congressman Congresswoman Assemblymember Treasurer Comptroller ' +
    'Chairperson Provost Correspondent Columnist Rev Rabbi Imam'
  ).split(' '),
);
