import { strict as assert } from 'node:assert';
import { ConfigError, loadConfig } from '../../bot/config';
import { bicepParams, funcBody, literal, params, varExpression } from '../helpers/bicep';
import { appSettings, checkedParam, deployedEnvironment, engineMajors, main, readRepoFile } from '../helpers/infra';

/** The decorator's argument, e.g. minValue -> 30, or undefined. */
const decorator = (decorators: string, name: string): string | undefined => new RegExp(`@${name}\\((.+)\\)`).exec(decorators)?.[1];
const allowed = (decorators: string): string[] =>
  [...(/@allowed\(\[([^\]]*)\]\)/.exec(decorators)?.[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]!);

/** The app setting a parameter becomes as it is (a string, a number as text, or a checked value). */
const settingOf = (param: string): string | undefined =>
  appSettings().find(([, expression]) => expression === param || expression === `string(${param})` || (/^valid\w+$/.test(expression) && checkedParam(expression) === param))?.[0];

/** Whether the bot starts with `key` set to `value` (and everything else as deployed). */
function botAccepts(key: string, value: string): boolean {
  try {
    loadConfig({ ...deployedEnvironment(), [key]: value });
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

describe('infrastructure parameters (infra/main.bicep)', () => {
  it('when the parameters are listed, then each is bounded where it is declared: strings by @allowed or lengths, numbers by a range', () => {
    for (const param of params(main)) {
      if (param.type === 'string') {
        const bounded = allowed(param.decorators).length > 0 || (decorator(param.decorators, 'minLength') !== undefined || param.defaultValue === "''") && decorator(param.decorators, 'maxLength') !== undefined;
        assert.ok(bounded, `${param.name}: add @allowed, or @minLength and @maxLength`);
      }
      if (param.type === 'int') {
        assert.ok(decorator(param.decorators, 'minValue') && decorator(param.decorators, 'maxValue'), `${param.name}: add @minValue and @maxValue`);
      }
    }
  });

  it('when a parameter becomes a setting, then every value Bicep accepts at its bounds is one the bot starts with', () => {
    let checked = 0;
    for (const param of params(main)) {
      const key = settingOf(param.name);
      if (!key) continue;
      const values = [decorator(param.decorators, 'minValue'), decorator(param.decorators, 'maxValue'), ...allowed(param.decorators)].filter((v): v is string => v !== undefined);
      for (const value of values) {
        assert.ok(botAccepts(key, value), `${param.name}=${value} is accepted by Bicep, but the bot refuses ${key}=${value}`);
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} values checked`);
  });

  it('when a parameter needs a check no decorator makes, then a fail() guards it and the settings read only the checked value', () => {
    const guarded = { name: 'validName', organiserAadIds: 'validOrganiserIds', reminderTime: 'validReminderTime', cosmosDatabaseName: 'validDatabaseName', alertEmailAddress: 'validAlertEmail', teamsAppCatalogId: 'validTeamsAppCatalogId' };
    for (const [param, variable] of Object.entries(guarded)) {
      assert.match(varExpression(main, variable), new RegExp(`\\? .+ : fail\\('${param}: `), `${variable} fails the deployment naming ${param}`);
      assert.ok(!appSettings().some(([, expression]) => expression === param), `app settings read ${variable}, not ${param}`);
    }
    assert.match(varExpression(main, 'badOrganiserIds'), /filter\(organiserIdList, id => !isGuid\(id\)\)/);
  });

  it('when the reminder times Bicep accepts are compared with the bot, then both take exactly 07:00 to 18:59', () => {
    const hours = [...(/\[([^\]]+)\]/.exec(funcBody(main, 'isReminderTime'))?.[1] ?? '').matchAll(/'(\d\d)'/g)].map((m) => m[1]!);
    assert.deepEqual(hours, ['07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18']);
    for (const hour of hours) for (const minute of ['00', '59']) assert.ok(botAccepts('REMINDER_TIME', `${hour}:${minute}`), `${hour}:${minute}`);
    assert.ok(!botAccepts('REMINDER_TIME', '06:59') && !botAccepts('REMINDER_TIME', '19:00'), 'the bot refuses the hours Bicep leaves out');
  });

  it('when the database name characters Bicep accepts are compared with the bot, then the bot takes all of them and Bicep no others', () => {
    const characters = /contains\('([^']+)'/.exec(funcBody(main, 'isDatabaseName'))?.[1] ?? '';
    assert.ok(characters.length > 60, characters);
    assert.ok(botAccepts('COSMOS_DATABASE', characters), 'every character at once');
    for (const outside of ['.', ' ', '/', 'é']) assert.ok(!characters.includes(outside) && !botAccepts('COSMOS_DATABASE', `nlc${outside}`), outside);
  });

  it('when the organiser ids are checked, then a GUID has hex digits with hyphens at 8, 13, 18 and 23, as the bot requires', () => {
    const body = funcBody(main, 'isGuid');
    assert.match(body, /length\(value\) == 36/);
    assert.match(body, /contains\(\[8, 13, 18, 23\], i\) \? '-' : '0123456789abcdef'/);
    assert.ok(botAccepts('ORGANISER_AAD_IDS', '0A1B2C3D-4E5F-4a7b-8c9d-0e1f2a3b4c5d'));
    assert.ok(!botAccepts('ORGANISER_AAD_IDS', '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5'), 'one digit short');
  });

  it('when main.bicepparam is read, then it uses main.bicep and sets every parameter but location to its default', () => {
    const { using, params: set } = bicepParams('main.bicepparam');
    assert.equal(using, './main.bicep');
    const declared = params(main);
    assert.deepEqual([...set.keys()].sort(), declared.map((p) => p.name).filter((n) => n !== 'location').sort());
    for (const param of declared.filter((p) => p.name !== 'location')) {
      assert.equal(set.get(param.name)?.value, param.defaultValue, `${param.name} in main.bicepparam`);
    }
  });

  it('when the runtime is chosen, then App Service offers only Node versions package.json supports, and 22 by default', () => {
    const nodeVersion = params(main).find((p) => p.name === 'nodeVersion')!;
    const majors = allowed(nodeVersion.decorators).map((v) => Number(/^NODE\|(\d+)-lts$/.exec(v)?.[1]));
    assert.ok(majors.every((major) => engineMajors().includes(major)), `${majors.join(', ')} within ${engineMajors().join(', ')}`);
    assert.equal(literal(nodeVersion.defaultValue ?? ''), 'NODE|22-lts');
  });

  it('when the deployment guide is read, then it documents every parameter of main.bicep', () => {
    const guide = readRepoFile('docs/deploy.md');
    assert.deepEqual(params(main).filter((p) => !guide.includes(`| \`${p.name}\``)).map((p) => p.name), []);
  });
});
