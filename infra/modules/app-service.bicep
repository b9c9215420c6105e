// The App Service that runs the bot: Linux, Node, HTTPS only, Always On, health-checked
// on /healthz, running as the bot's managed identity, with basic (FTP and SCM) publishing
// credentials switched off: deployments sign in with Entra ID (az webapp deploy).
// The app settings are a separate resource (app-settings.bicep), deployed once the
// site's host name is known.

@description('Base name for the plan.')
param name string

@description('Globally unique site name.')
param siteName string

@description('Azure region.')
param location string

@description('App Service plan SKU (Basic or above, for Always On).')
param sku string

@description('Instances the plan runs (scale out).')
param instanceCount int

@description('Linux runtime, e.g. NODE|22-lts.')
param nodeVersion string

@description('--max-old-space-size for the bot, in MB.')
param nodeHeapMb int

@description('Resource id of the user-assigned managed identity the bot runs as.')
param identityId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    // Key Vault references in app settings (if a secret is ever added) resolve as this identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: nodeVersion
      // npm start's command with the heap cap. The cap is a flag here rather than
      // NODE_OPTIONS in the app settings, because the Application Insights agent sets
      // NODE_OPTIONS itself and a setting of ours would replace it (no telemetry).
      appCommandLine: 'node --max-old-space-size=${nodeHeapMb} --heap-growing-percent=25 --disable-warning=DEP0111 dist/bot.js'
      // Without Always On the site sleeps when idle, and scheduled reminders stop.
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output siteName string = site.name
output siteId string = site.id
output defaultHostName string = site.properties.defaultHostName
