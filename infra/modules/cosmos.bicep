// Azure Cosmos DB for NoSQL: the account (keys switched off), the database, every
// container the code declares, and data-plane access for the bot's managed identity.

@description('Globally unique account name.')
param accountName string

@description('Azure region.')
param location string

@description('Database name (COSMOS_DATABASE).')
param databaseName string

@description('Serverless capacity (true) or provisioned autoscale throughput on the database (false).')
param serverless bool

@description('Provisioned mode only: the database\'s autoscale ceiling in RU/s.')
param autoscaleMaxThroughput int

@description('Days records are kept after their event ended or their broadcast was sent (RETENTION_DAYS); Cosmos TTL removes them after that.')
param retentionDays int

@description('Principal (object) id given the built-in Cosmos DB Data Contributor role: the bot\'s managed identity.')
param dataContributorPrincipalId string

// Every container and its partition key, exactly as bot/data/containers.ts declares them
// (test/infra/infra.test.ts fails when the two differ). The bot reads these at start-up
// and, with data-plane RBAC, cannot create them itself, so each must be here.
// ttlSeconds becomes the container's defaultTtl (-1 = on, per item; 0 = TTL off) and lets
// Cosmos remove old records itself, as bot/data/retention-rules.ts says for each kind:
// events' documents (the event, answers, the booking ledger, export grants) and task
// groups' export grants carry their own ttl; a broadcast and its delivery records expire
// RETENTION_DAYS after their last write. The retention job (bot/jobs/retention.ts) removes
// the same records in code everywhere, each found by itself (test/infra/retention-rules.test.ts).
var containers = [
  {
    name: 'events'
    partitionKey: '/eventId'
    ttlSeconds: -1
  }
  {
    name: 'conversations'
    partitionKey: '/id'
    ttlSeconds: 0
  }
  {
    name: 'taskGroups'
    partitionKey: '/groupId'
    ttlSeconds: -1
  }
  {
    name: 'broadcasts'
    partitionKey: '/broadcastId'
    ttlSeconds: retentionDays * 86400
  }
  {
    name: 'leases'
    partitionKey: '/id'
    ttlSeconds: 0
  }
  {
    name: 'deadlines'
    partitionKey: '/deadlineId'
    ttlSeconds: 0
  }
  {
    name: 'reminders'
    partitionKey: '/id'
    ttlSeconds: 0
  }
  {
    name: 'roles'
    partitionKey: '/id'
    ttlSeconds: 0
  }
  {
    name: 'rosters'
    partitionKey: '/rosterId'
    ttlSeconds: 0
  }
]

// Cosmos DB Built-in Data Contributor: read and write items, read metadata; no keys, no
// control-plane rights.
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    // Entra ID only: no account keys, so there is no key to leak or rotate.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    // Point-in-time restore to any second of the last 7 days, into a new account, so a bad
    // deploy or a wrong `forget person` can be undone (docs/deploy.md, "Restore").
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous7Days'
      }
    }
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: serverless ? {} : {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
  }
}

resource containerResources 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for container in containers: {
  parent: database
  name: container.name
  properties: {
    resource: union({
      id: container.name
      partitionKey: {
        paths: [
          container.partitionKey
        ]
        kind: 'Hash'
        version: 2
      }
    }, container.ttlSeconds == 0 ? {} : { defaultTtl: container.ttlSeconds })
  }
}]

// On a first deployment this can fail once with "principal ... not found": the identity was
// created seconds earlier and Entra ID has not replicated it yet, and Cosmos role
// assignments have no principalType to skip the lookup. Nothing is left half-done (the
// name is deterministic): run the same deployment again (docs/deploy.md).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
