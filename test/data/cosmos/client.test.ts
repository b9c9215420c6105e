import { strict as assert } from 'node:assert';
import { DefaultAzureCredential } from '@azure/identity';
import { loadConfig } from '../../../bot/config';
import { azureSignIn, cosmosTargetFrom } from '../../../bot/data/cosmos/client';

describe('signing in to Azure Cosmos DB', () => {
  const endpoint = 'https://nlc-bot-x7q2.documents.azure.com/';

  it('when COSMOS_KEY is set, then the client signs in with the key and no Entra ID credential', () => {
    const target = cosmosTargetFrom(loadConfig({ COSMOS_ENDPOINT: endpoint, COSMOS_KEY: 'account-key==' }));
    assert.deepEqual(azureSignIn(target.key), { key: 'account-key==' });
  });

  it('when no key is set, then the client signs in with DefaultAzureCredential (the managed identity in Azure)', () => {
    const target = cosmosTargetFrom(loadConfig({ COSMOS_ENDPOINT: endpoint }));
    const signIn = azureSignIn(target.key);
    assert.ok(!('key' in signIn));
    assert.ok('aadCredentials' in signIn && signIn.aadCredentials instanceof DefaultAzureCredential);
  });
});
