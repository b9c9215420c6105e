// The Azure Bot registration: where Teams sends messages, the identity the bot signs in
// as (the user-assigned managed identity, so no app secret exists), and the Teams channel.

@description('Globally unique Azure Bot name.')
param botName string

@description('Name shown in the Azure portal.')
param displayName string

@description('F0 (free) or S1.')
param sku string

@description('https://<host>/api/messages')
param messagingEndpoint string

@description('Resource id of the user-assigned managed identity.')
param identityId string

@description('Client id of that identity: the bot\'s MicrosoftAppId.')
param identityClientId string

@description('Entra ID tenant of the identity. A managed-identity bot is single-tenant: it serves Teams in this tenant.')
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceName string = bot.name
