"""XLSX downloads of the wizards: the file as an attachment of the wizard, and the action that downloads it."""
import base64

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_download(wizard, filename, content):
    """Store ``content`` as ``wizard.attachment_id`` and return the download action."""
    wizard.attachment_id = wizard.env["ir.attachment"].create({
        "name": filename,
        "type": "binary",
        "datas": base64.b64encode(content),
        "res_model": wizard._name,
        "res_id": wizard.id,
        "mimetype": XLSX_MIMETYPE,
    })
    return {
        "type": "ir.actions.act_url",
        "url": "/web/content/%s?download=true" % wizard.attachment_id.id,
        "target": "self",
    }
